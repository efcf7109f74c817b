<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
