// SPDX-License-Identifier: GPL-3.0-or-later
#include "RtfReader.h"

#include "TextDecoder.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::RtfReader", text);
}

enum class Destination { Body, Title, Author, Skip };

struct GroupState
{
    Destination destination = Destination::Body;
    int unicodeSkip = 1; // \ucN
    bool fresh = true; // no control word seen yet in this group (for "\*" and destinations)
};

bool isSkippedDestination(const QByteArray &word)
{
    static const QSet<QByteArray> skipped {
        "fonttbl",
        "colortbl",
        "stylesheet",
        "listtable",
        "listoverridetable",
        "pict",
        "object",
        "header",
        "headerl",
        "headerr",
        "headerf",
        "footer",
        "footerl",
        "footerr",
        "footerf",
        "footnote",
        "fldinst",
        "themedata",
        "colorschememapping",
        "datastore",
        "latentstyles",
        "rsidtbl",
        "generator",
        "xmlnstbl",
        "mmathPr",
        "pgdsctbl",
        "filetbl",
        "revtbl",
        "bkmkstart",
        "bkmkend",
        "nonshppict",
        "shpinst",
        "sp",
        "template",
        "docvar",
        "userprops",
        "listtext",
        "pntext",
        "pntxta",
        "pntxtb",
        "private",
        "operator",
        "company",
        "subject",
        "keywords",
        "comment",
        "doccomm",
        "creatim",
        "revtim",
        "printim",
        "buptim",
        "category",
        "manager",
        "hlinkbase",
        "atnid",
        "atnauthor",
        "annotation",
        "atrfstart",
        "atrfend",
        "field" /* handled: only its fldinst is skipped */,
    };
    return word != "field" && skipped.contains(word);
}

class Parser
{
public:
    explicit Parser(const QByteArray &data)
        : m_data(data)
    {
    }

    Result<RtfReader::Document> run()
    {
        using R = Result<RtfReader::Document>;
        if (!m_data.startsWith("{\\rtf"))
            return R::failure(tr("the file is not an RTF document"));
        QList<GroupState> stack;
        GroupState state;
        int skipChars = 0;
        qsizetype i = 0;
        const qsizetype n = m_data.size();
        while (i < n) {
            const char c = m_data[i];
            if (c == '{') {
                flushBytes(state);
                if (stack.size() >= RtfReader::MaxDepth)
                    return R::failure(
                        tr("the RTF document nests groups deeper than %1 levels (damaged or a bomb)")
                            .arg(RtfReader::MaxDepth));
                stack.append(state);
                state.fresh = true;
                ++i;
                continue;
            }
            if (c == '}') {
                flushBytes(state);
                if (stack.isEmpty())
                    break;
                state = stack.takeLast();
                ++i;
                continue;
            }
            if (c == '\r' || c == '\n') {
                ++i;
                continue;
            }
            if (c != '\\') {
                if (skipChars > 0)
                    --skipChars;
                else if (state.destination != Destination::Skip)
                    m_bytes.append(c);
                ++i;
                continue;
            }
            // A control word or symbol.
            ++i;
            if (i >= n)
                break;
            const char s = m_data[i];
            if (!std::isalpha(static_cast<unsigned char>(s))) {
                ++i;
                switch (s) {
                case '\'': {
                    bool ok = false;
                    const int byte = m_data.mid(i, 2).toInt(&ok, 16);
                    i += 2;
                    if (skipChars > 0)
                        --skipChars;
                    else if (ok && state.destination != Destination::Skip)
                        m_bytes.append(char(byte));
                    break;
                }
                case '*':
                    state.destination = Destination::Skip; // an ignorable destination: never text here
                    break;
                case '~':
                    text(state, u" "_s);
                    break;
                case '_':
                    text(state, u"-"_s);
                    break;
                case '\\':
                case '{':
                case '}':
                    if (state.destination != Destination::Skip)
                        m_bytes.append(s);
                    break;
                case '\r':
                case '\n':
                    endParagraph(state);
                    break;
                default: // "\-" optional hyphen, "\|", "\:" ... carry no text
                    break;
                }
                state.fresh = false;
                continue;
            }
            const qsizetype start = i;
            while (i < n && i - start < 32 && std::isalpha(static_cast<unsigned char>(m_data[i])))
                ++i;
            const QByteArray word = m_data.mid(start, i - start);
            bool hasParam = false;
            int param = 0;
            if (i < n && (m_data[i] == '-' || std::isdigit(static_cast<unsigned char>(m_data[i])))) {
                const qsizetype p = i;
                ++i;
                while (i < n && i - p < 11 && std::isdigit(static_cast<unsigned char>(m_data[i])))
                    ++i;
                param = m_data.mid(p, i - p).toInt(&hasParam);
            }
            if (i < n && m_data[i] == ' ')
                ++i;
            if (word == "bin" && hasParam) {
                i += std::max(0, param); // raw bytes (a picture): never text
                continue;
            }
            if (Status s = controlWord(word, hasParam, param, state, skipChars); !s)
                return R::failure(s.errorString());
            state.fresh = false;
        }
        flushBytes(state);
        endParagraph(state);
        m_document.title = m_document.title.simplified();
        m_document.author = m_document.author.simplified();
        return m_document;
    }

private:
    Status controlWord(const QByteArray &word, bool hasParam, int param, GroupState &state, int &skipChars)
    {
        flushBytes(state);
        if (state.fresh && isSkippedDestination(word)) {
            state.destination = Destination::Skip;
            return {};
        }
        if (state.destination == Destination::Skip)
            return {};
        if (word == "title" && state.fresh) {
            state.destination = Destination::Title;
        } else if (word == "author" && state.fresh) {
            state.destination = Destination::Author;
        } else if (word == "par" || word == "row") {
            endParagraph(state);
        } else if (word == "line") {
            text(state, u"\n"_s);
        } else if (word == "tab" || word == "cell") {
            text(state, u" "_s);
        } else if (word == "page" || word == "sect") {
            endParagraph(state);
            m_pageBreak = true;
        } else if (word == "u" && hasParam) {
            text(state, QString(QChar(char16_t(param < 0 ? param + 65536 : param))));
            skipChars = state.unicodeSkip;
        } else if (word == "uc" && hasParam) {
            state.unicodeSkip = std::clamp(param, 0, 8);
        } else if (word == "ansicpg" && hasParam) {
            m_codePage = param;
        } else if (word == "emdash") {
            text(state, u"\u2014"_s);
        } else if (word == "endash") {
            text(state, u"\u2013"_s);
        } else if (word == "lquote") {
            text(state, u"\u2018"_s);
        } else if (word == "rquote") {
            text(state, u"\u2019"_s);
        } else if (word == "ldblquote") {
            text(state, u"\u201C"_s);
        } else if (word == "rdblquote") {
            text(state, u"\u201D"_s);
        } else if (word == "bullet") {
            text(state, u"\u2022"_s);
        }
        if (m_size > RtfReader::MaxTextSize)
            return Status::failure(tr("the RTF document's text is larger than %1 MiB (damaged or a bomb)")
                                       .arg(RtfReader::MaxTextSize / (1024 * 1024)));
        return {};
    }

    void flushBytes(const GroupState &state)
    {
        if (m_bytes.isEmpty())
            return;
        QString decoded;
        if (m_codePage == 1252 || m_codePage == 0) {
            decoded = TextDecoder::decodeWindows1252(m_bytes);
        } else {
            QStringDecoder decoder(QByteArray("windows-" + QByteArray::number(m_codePage)).constData());
            decoded = decoder.isValid() ? decoder.decode(m_bytes) : TextDecoder::decodeWindows1252(m_bytes);
        }
        m_bytes.clear();
        text(state, decoded);
    }

    void text(const GroupState &state, const QString &t)
    {
        m_size += t.size();
        switch (state.destination) {
        case Destination::Body:
            m_current += t;
            break;
        case Destination::Title:
            m_document.title += t;
            break;
        case Destination::Author:
            m_document.author += t;
            break;
        case Destination::Skip:
            break;
        }
    }

    void endParagraph(const GroupState &state)
    {
        if (state.destination != Destination::Body)
            return;
        QStringList lines = m_current.split(u'\n');
        for (QString &line : lines)
            line = line.simplified();
        m_current.clear();
        const QString paragraph = lines.join(u'\n').trimmed();
        if (paragraph.isEmpty())
            return;
        m_document.paragraphs.append({ paragraph, m_pageBreak });
        m_pageBreak = false;
    }

    const QByteArray &m_data;
    RtfReader::Document m_document;
    QByteArray m_bytes;
    QString m_current;
    qsizetype m_size = 0;
    int m_codePage = 1252;
    bool m_pageBreak = false;
};

} // namespace

Result<RtfReader::Document> RtfReader::read(const QByteArray &data)
{
    return Parser(data).run();
}

} // namespace Lede
