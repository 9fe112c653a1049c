#!/bin/sh
# Rebuilds the bundled fonts in this directory from the Debian font packages.
# Run once by a developer (the fonts are checked in); the app and its tests never run this.
#
#   apt-get install -y fonts-noto-cjk fonts-arphic-ukai texlive-lang-chinese python3-fonttools
#   sh resources/fonts/build-fonts.sh
#
# FandolFang and FandolKai are copied whole and unmodified (GPL v3 with the font exception).
# The Noto CJK and AR PL UKai files are subsets:
# Kept: ASCII, Latin-1 and pinyin letters, general punctuation (— … “” ‘’), letterlike symbols and
# number forms (℃ № Ⅰ–Ⅻ), arrows, maths operators, circled numbers (①), box drawing, geometric
# shapes and dingbats (□ ■ ○ √ ✓ ★), CJK symbols and punctuation (、。〔〕《》「」), enclosed CJK
# (㈠), CJK compatibility (㎡), all CJK Unified Ideographs U+4E00–U+9FFF, vertical/small forms and
# full-width forms (（），：；！？). Every Noto subset also keeps the 8105 characters of the 通用规范汉字表
# (2013), including the 77 in CJK Extension A and the 196 beyond the BMP (tests/fixtures/tongyong-8105.txt).
# The serif regular, the last face of every role's chain, keeps all of CJK Extension A and every
# ideograph beyond the BMP that Noto Serif CJK SC has (Extensions B–F, compatibility supplement), for
# rare characters in people's names.
# Dropped: OpenType layout tables (the layout engine places every character itself), hinting.
set -eu
cd "$(dirname "$0")"
PY=${PYTHON:-/usr/bin/python3}
NOTO=/usr/share/fonts/opentype/noto
UKAI=/usr/share/fonts/truetype/arphic/ukai.ttc
FANDOL=/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
BASE="U+0020-007E,U+00A0-017F,U+01CD-01DC,U+0251,U+0261,U+02C6-02DC,U+0391-03C9,U+0401-0451,U+2000-206F,U+20AC,U+2100-218F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+2600-26FF,U+2700-27BF,U+3000-303F,U+3200-32FF,U+3300-33FF,U+4E00-9FFF,U+FE10-FE1F,U+FE30-FE4F,U+FF00-FFEF"
EXTA="U+3400-4DBF"
SUPP="U+20000-2FA1F,U+30000-323AF"
TGH=$(awk -F'\t' '!/^#/ {printf "%s%s", sep, $2; sep=","}' ../../tests/fixtures/tongyong-8105.txt)

subset() { # source font-number output unicodes
  "$PY" -m fontTools.subset "$1" --font-number="$2" --output-file="$3" --unicodes="$4" \
    --layout-features='' --no-hinting --desubroutinize=false --name-IDs='*' --name-languages='*' --drop-tables+=FFTM
}

# Noto CJK collections: face 2 is the Simplified Chinese (SC) face.
subset "$NOTO/NotoSerifCJK-Regular.ttc" 2 NotoSerifCJKsc-Regular.subset.otf "$BASE,$EXTA,$SUPP" &
subset "$NOTO/NotoSerifCJK-Bold.ttc" 2 NotoSerifCJKsc-Bold.subset.otf "$BASE,$TGH" &
subset "$NOTO/NotoSansCJK-Regular.ttc" 2 NotoSansCJKsc-Regular.subset.otf "$BASE,$TGH" &
# AR PL UKai collection: face 0 is "AR PL UKai CN".
if [ -f "$UKAI" ]; then subset "$UKAI" 0 ukai-cn.subset.ttf "$BASE" & fi
wait
cp "$FANDOL/FandolFang-Regular.otf" "$FANDOL/FandolKai-Regular.otf" .
zcat /usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz > GPL-3.0-Fandol.txt

# Arphic Public License §2a: a modified font must carry a notice saying how and when it was changed.
"$PY" - <<'PYEOF'
import datetime
from fontTools.ttLib import TTFont
path = 'ukai-cn.subset.ttf'
f = TTFont(path)
note = ('Modified %s by the yishi project: subset with fontTools pyftsubset to ASCII, Latin-1, '
        'CJK punctuation, full-width forms and CJK Unified Ideographs U+4E00-U+9FFF; OpenType layout '
        'tables and hinting removed. See build-fonts.sh. Licensed under the Arphic Public License '
        '(ARPHICPL.TXT).' % datetime.date.today().isoformat())
old = f['name'].getDebugName(10) or ''
if 'yishi project' not in old:
    f['name'].setName((old + '\n\n' + note).strip(), 10, 3, 1, 0x409)
    f.save(path)
PYEOF
ls -l ./*.otf ./*.ttf
