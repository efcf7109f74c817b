#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the bad-input corpus of tests/app/tst_badinput.cpp into the folder given (default: the
# folder of this script). Every text here is written for Lede; nothing is taken from elsewhere.
# Inputs that cannot or should not be committed (a FIFO, /dev/zero, a loop of symbolic links, a
# file that vanishes, files at the 50 MiB size limit, a 10 MB line) are made by the test at run time.
# Run it again after changing it, and commit what it writes: the test checks that the committed
# files are what this script makes.
set -eu
out=${1:-$(dirname "$0")}
cd "$out"
rm -f -- *.txt *.html *.md

# f NAME FORMAT: printf FORMAT (with octal escapes) into NAME.
f() { name=$1; shift; printf "$@" > "$name"; }
# rep COUNT TEXT: TEXT repeated COUNT times.
rep() { i=0; while [ "$i" -lt "$1" ]; do printf "$2"; i=$((i + 1)); done; }

story='The harbour board voted on Tuesday to widen the north quay.'

# Empty and nearly empty.
f empty.txt ''
f bom-only.txt '\357\273\277'
f bom-utf16le-only.txt '\377\376'
f whitespace-only.txt ' \n\t\n\r\n   \n'
f crlf-only.txt '\r\n\r\n\r\n'
f punctuation-only.txt '... --- !!! ??? ;;; ,,, ...\n'

# Too little text to be an article.
rep 100000 '"' > quotes-100000.txt
f single-token.txt 'Harbour\n'
rep 500 'x\n' > x-per-line.txt
f numbers-only.txt '1 2 3 4 5 6 7 8 9 10\n'
f markdown-markup-only.md '# *\n\n> **\n\n- \n'
f html-script-only.html '<html><head><script>var quay = "north";</script></head><body></body></html>\n'

# Binary by bytes rather than by magic.
f nul-bytes.txt 'The harbour\000board\000voted\000on\000Tuesday.\n'
f control-chars.txt '\001\002\003\004\005\006harbour\016\017\020\021\022\023\024\025\n'
f undecodable.txt 'The harbour \351 board \201 voted.\n'

# Damaged Unicode.
f truncated-utf8.txt "$story"' Caf\303\251 owners cheered \342\200'
f truncated-utf16le.txt '\377\376T\000h\000e\000 \000q\000u\000a\000y\000 \000w\000i\000l\000l\000 \000o\000p\000e\000n\000.\000!'
f lone-surrogate-utf16le.txt '\377\376T\000h\000e\000 \000\075\330q\000u\000a\000y\000'
f utf32-broken.txt '\377\376\000\000T\000\000\000\377\377\377\377'

# Every binary kind we know, renamed .txt (magic bytes plus a little filler).
fill='\000\001\002\003\004\005\006\007'
f zip.txt 'PK\003\004\024\000\000\000\010\000'"$fill"
f empty-zip.txt 'PK\005\006\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000'
f docx.txt 'PK\003\004\024\000\006\000\010\000\000\000!\000[Content_Types].xml'
f odt.txt 'PK\003\004\024\000\000\010\000\000mimetypeapplication/vnd.oasis.opendocument.text'
f epub.txt 'PK\003\004\012\000\000\000\000\000mimetypeapplication/epub+zip'
f pdf.txt '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'
f png.txt '\211PNG\r\n\032\n\000\000\000\015IHDR'"$fill"
f jpeg.txt '\377\330\377\340\000\020JFIF\000\001'"$fill"
f gif.txt 'GIF89a\001\000\001\000\200\000\000'"$fill"
f webp.txt 'RIFF\044\000\000\000WEBPVP8 '"$fill"
f tiff.txt 'II*\000\010\000\000\000'"$fill"
f bmp.txt 'BM\066\000\000\000\000\000\000\000\066\000\000\000'"$fill"
f ico.txt '\000\000\001\000\001\000\020\020'"$fill"
f mp3.txt 'ID3\004\000\000\000\000\000\000'"$fill"
f ogg.txt 'OggS\000\002\000\000\000\000'"$fill"
f mp4.txt '\000\000\000\030ftypmp42\000\000\000\000'"$fill"
f wav.txt 'RIFF\044\000\000\000WAVEfmt '"$fill"
f elf.txt '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000>\000'"$fill"
f windows-exe.txt 'MZ\220\000\003\000\000\000\004\000\000\000\377\377\000\000\270\000\000\000\000\000\000\000@\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\200\000\000\000'
f java-class.txt '\312\376\272\276\000\000\0004'"$fill"
f wasm.txt '\000asm\001\000\000\000'
f gzip.txt '\037\213\010\000\000\000\000\000\000\003'"$fill"
f bzip2.txt 'BZh91AY&SY'"$fill"
f xz.txt '\3757zXZ\000\000\004\346\326\264F'"$fill"
f zstd.txt '\050\265\057\375\044\000'"$fill"
f 7z.txt '7z\274\257\047\034\000\004'"$fill"
f rar.txt 'Rar!\032\007\001\000'"$fill"
f deb.txt '!<arch>\ndebian-binary   '
f sqlite.txt 'SQLite format 3\000\020\000\001\001\000@  '"$fill"
f ole-doc.txt '\320\317\021\340\241\261\032\341'"$fill"
{ printf 'harbour.txt'; head -c 246 /dev/zero; printf 'ustar\00000'; head -c 100 /dev/zero; } > tar.txt

# RTF (read since issue 7), and an RTF bomb: 2000 nested groups.
f rtf.txt '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 '"$story"'\\par }\n'
{ printf '{\\rtf1 '; i=0; while [ $i -lt 2000 ]; do printf '{'; i=$((i + 1)); done; printf '%s' "$story"; } > rtf-bomb.txt

# Feeds (read since issue 7: an item with a summary only, empty feeds) and text formats Lede does not read.
f rss.txt '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Harbour news</title><item><title>Quay</title><description>'"$story"'</description></item></channel></rss>\n'
f rss-no-prolog.html '<rss version="2.0"><channel><title>Harbour news</title></channel></rss>\n'
f rdf.txt '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel/></rdf:RDF>\n'
f atom.txt '<?xml version="1.0" encoding="utf-8"?>\n<!-- a feed -->\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour news</title><entry><title>Quay</title></entry></feed>\n'
f svg.html '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>Harbour news today</text></svg>\n'
f postscript.txt '%%!PS-Adobe-3.0\n%%%%Title: harbour\n/Times findfont 12 scalefont setfont\n'

# Entity bombs: as XML (refused), and inside an HTML DOCTYPE (the subset is skipped, never expanded).
f entity-bomb.txt '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\n <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n<lolz>&lol3;</lolz>\n'
f entity-bomb.html '<!DOCTYPE html [\n <!ENTITY lol "lol">\n <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\n]>\n<html><body><h1>Quay vote passes</h1><p>'"$story"' &lol2;</p></body></html>\n'

# Deep nesting: 20,000 unclosed and 20,000 closed elements around one paragraph.
{ printf '<html><body>'; rep 20000 '<div>'; printf '<p>%s</p>' "$story"; rep 20000 '</div>'; printf '</body></html>\n'; } > deeply-nested.html
{ printf '<html><body>'; rep 20000 '<b><i>'; printf '<p>%s</p>\n' "$story"; } > deeply-nested-unclosed.html
{ rep 5000 '> '; printf '%s\n' "$story"; } > deeply-nested-quote.md

# Hostile but valid: a title full of terminal escapes (imported, printed escaped).
f escape-title.txt 'Quay \033[2J\033]0;owned\007vote passes\n\n'"$story"'\n'
