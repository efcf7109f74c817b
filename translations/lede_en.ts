<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Lede::ArticleSession</name>
    <message numerus="yes">
        <source>Delete %n article(s)</source>
        <translation>
            <numerusform>Delete %n article</numerusform>
            <numerusform>Delete %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lede::ExportDialog</name>
    <message numerus="yes">
        <source>&amp;Selected articles (%n)</source>
        <translation>
            <numerusform>&amp;Selected article (%n)</numerusform>
            <numerusform>&amp;Selected articles (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lede::FeedController</name>
    <message numerus="yes">
        <source>Updated %n feed(s):</source>
        <translation>
            <numerusform>Updated %n feed:</numerusform>
            <numerusform>Updated %n feeds:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new article(s).</source>
        <translation>
            <numerusform>%n new article.</numerusform>
            <numerusform>%n new articles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s) could not be updated.</source>
        <translation>
            <numerusform>%n feed could not be updated.</numerusform>
            <numerusform>%n feeds could not be updated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop following “%1”? Its %n article(s) stay in the library.</source>
        <translation>
            <numerusform>Stop following “%1”? Its %n article stays in the library.</numerusform>
            <numerusform>Stop following “%1”? Its %n articles stay in the library.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) got the full text of their page.</source>
        <translation>
            <numerusform>%n article got the full text of its page.</numerusform>
            <numerusform>%n articles got the full text of their pages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lede::ImportController</name>
    <message numerus="yes">
        <source>Imported %n article(s).</source>
        <translation>
            <numerusform>Imported %n article.</numerusform>
            <numerusform>Imported %n articles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the library.</source>
        <translation>
            <numerusform>%n already in the library.</numerusform>
            <numerusform>%n already in the library.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported.</source>
        <translation>
            <numerusform>%n file could not be imported.</numerusform>
            <numerusform>%n files could not be imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n imported article(s) look like a new version of an article in the library (the same web address, or the same title and source with nearly the same text):</source>
        <translation>
            <numerusform>%n imported article looks like a new version of an article in the library (the same web address, or the same title and source with nearly the same text):</numerusform>
            <numerusform>%n imported articles look like a new version of an article in the library (the same web address, or the same title and source with nearly the same text):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n article(s): %1 highlights kept exactly, %2 moved, %3 orphaned.</source>
        <translation>
            <numerusform>Replaced %n article: %1 highlights kept exactly, %2 moved, %3 orphaned.</numerusform>
            <numerusform>Replaced %n articles: %1 highlights kept exactly, %2 moved, %3 orphaned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n warning.</numerusform>
            <numerusform>%n warnings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lede::InsightsView</name>
    <message numerus="yes">
        <source>Exported %n rows to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lede::LayerCorrectionActions</name>
    <message numerus="yes">
        <source>Not an &amp;Entity (%n mentions)</source>
        <translation>
            <numerusform>Not an &amp;Entity (%n mention)</numerusform>
            <numerusform>Not an &amp;Entity (%n mentions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lede::LibraryActions</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n highlight</numerusform>
            <numerusform>%n highlights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n article(s). Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Deleted %n article. Ctrl+Z brings them back.</numerusform>
            <numerusform>Deleted %n articles. Ctrl+Z brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lede::ReviewBar</name>
    <message numerus="yes">
        <source>Entity %1 of %2 — %3: %4 (%n mentions)</source>
        <translation>
            <numerusform>Entity %1 of %2 — %3: %4 (%n mention)</numerusform>
            <numerusform>Entity %1 of %2 — %3: %4 (%n mentions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lede::TagActions</name>
    <message numerus="yes">
        <source>Delete the tag “%1” and its sub-tags? It is used by %n highlight(s).</source>
        <translation>
            <numerusform>Delete the tag “%1” and its sub-tags? It is used by %n highlight.</numerusform>
            <numerusform>Delete the tag “%1” and its sub-tags? It is used by %n highlights.</numerusform>
        </translation>
    </message>
</context>
</TS>
