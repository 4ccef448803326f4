#!/bin/sh
# Input repair (align/text/reflow.c) through `polyalign segment --reflow`.
. "$top_srcdir/tests/lib.sh"
seg() { "$POLYALIGN" segment "$@" 2>&1; }
expect() { # DESC WANT-FILE GOT-FILE
  if cmp -s "$2" "$3"; then ok 0 "$1"; else ok 1 "$1"; diff "$2" "$3" | sed 's/^/# /' | head -12; fi
}
# English wrapped at 60 columns with end-of-line hyphenation: "disarma-ment"
# is joined (the word occurs elsewhere), "non-proliferation" keeps its hyphen
# (it occurs hyphenated), "Secretary-General" keeps it before a capital;
# a numbered paragraph after a sentence end starts a new paragraph.
cat > "$scratch/wrapped.en" <<'X'
1. The Conference on Disarmament considered nuclear disarma-
ment and the verification of nuclear disarmament in 2018. The
treaty on non-
proliferation was discussed as well. The non-proliferation
regime and the report of the Secretary-
General were noted.
2. The Committee decided to continue its work on the matter
at its next session, in accordance with its programme.
X
printf '%s\n' \
  '1. The Conference on Disarmament considered nuclear disarmament and the verification of nuclear disarmament in 2018.' \
  'The treaty on non-proliferation was discussed as well.' \
  'The non-proliferation regime and the report of the Secretary-General were noted.' '' \
  '2. The Committee decided to continue its work on the matter at its next session, in accordance with its programme.' \
  > "$scratch/want"
seg --lang en "$scratch/wrapped.en" > "$scratch/got"
expect "wrapped English: lines joined, hyphenation undone where likely (auto)" "$scratch/want" "$scratch/got"
seg --lang en --reflow on "$scratch/wrapped.en" > "$scratch/got"
expect "wrapped English with --reflow on" "$scratch/want" "$scratch/got"
# --reflow off: every line break stays a break.
seg --lang en --reflow off "$scratch/wrapped.en" > "$scratch/got"
test "$(grep -c . "$scratch/got")" -ge 8; ok $? "--reflow off keeps line breaks as breaks"
# One paragraph a line, no blank lines: each line is a paragraph (auto).
printf '%s\n' 'First paragraph, a single long line of text that goes on and on without a break at all, as word processors write it, well beyond any column. It has two sentences.' \
  'Second paragraph, also one line of text that is longer than any wrapped line would be, and it ends here.' \
  'Third.' > "$scratch/lines.en"
seg --lang en "$scratch/lines.en" > "$scratch/got"
printf '%s\n' 'First paragraph, a single long line of text that goes on and on without a break at all, as word processors write it, well beyond any column.' 'It has two sentences.' '' \
  'Second paragraph, also one line of text that is longer than any wrapped line would be, and it ends here.' '' 'Third.' > "$scratch/want"
expect "a paragraph a line is not joined (auto)" "$scratch/want" "$scratch/got"
# Chinese wrapped: joined without spaces; 一、 and （二） open paragraphs; a
# short heading line stands alone.
cat > "$scratch/wrapped.zh" <<'X'
第一章 总则
一、委员会审议了秘书长关于核裁军核查问题的报告，并决定
继续审议这一问题。委员会还请秘书长在第七十四届会议上提
交一份报告。
（二）委员会注意到各国提交的意见和建议，并鼓励所有会员国
继续就此问题提交意见。
X
printf '%s\n' '第一章 总则' '' '一、委员会审议了秘书长关于核裁军核查问题的报告，并决定继续审议这一问题。' \
  '委员会还请秘书长在第七十四届会议上提交一份报告。' '' \
  '（二）委员会注意到各国提交的意见和建议，并鼓励所有会员国继续就此问题提交意见。' > "$scratch/want"
seg --lang zh "$scratch/wrapped.zh" > "$scratch/got"
expect "wrapped Chinese: joined without spaces, markers open paragraphs" "$scratch/want" "$scratch/got"
# Double-spaced extraction (a blank line after every line) with trailing
# spaces marking paragraph ends.
printf '%s\n' '1. The Conference on Disarmament considered the question of' '' 'nuclear disarmament verification at its plenary meeting. ' '' \
  'Geneva, 10 March 2026 ' '' '2. The Committee decided to continue its consideration of the' '' 'matter at its next session in the spring of the year. ' \
  > "$scratch/double.en"
printf '%s\n' '1. The Conference on Disarmament considered the question of nuclear disarmament verification at its plenary meeting.' '' \
  'Geneva, 10 March 2026' '' '2. The Committee decided to continue its consideration of the matter at its next session in the spring of the year.' > "$scratch/want"
seg --lang en "$scratch/double.en" > "$scratch/got"
expect "double-spaced text: blank lines are spacing, trailing spaces end paragraphs" "$scratch/want" "$scratch/got"
seg --lang en --reflow sideways "$scratch/double.en" > /dev/null
test $? -eq 2; ok $? "--reflow with a bad value is a usage error"
# After a comma, a line that starts with a number that is no paragraph
# number goes on ("24 hours a day," + "7 days a week"), though "7" would
# have fit on the line before.
cat > "$scratch/day.en" <<'X'
The Mission continued to support the national broadcaster, which is now able to
present and broadcast national and regional radio programmes 24 hours a day,
7 days a week in 12 newsrooms around the country. The programmes reach most of
the population, including in the remote areas of the east and the north of the
country. 2. The Mission also supported the training of journalists and the work
of the independent media authority, which was established by law in that year.
X
seg --lang en "$scratch/day.en" > "$scratch/got"
grep -q '24 hours a day, 7 days a week in 12 newsrooms' "$scratch/got" && ! grep -q '^$' "$scratch/got"
ok $? "a line starting with a number after a comma goes on the paragraph"
# A justified line with wide word gaps, as pdftotext writes it: a word a
# line. The words are put back on one line; the sentence goes on (this
# short text's sentence ends at full lines count as paragraph ends).
cat > "$scratch/split.en" <<'X'
The United Nations provided technical support to commissions for the
elimination of violence against women in thirty-two of the provinces.
The Ministry of Interior Affairs adopted the final plan on 13 August, which
outlines
measures
to
improve
the
participation,
protection
and
professionalization of women in the police and in the armed forces.
The report assessed progress in eight sectors against the indicators of the
development plan and found that most of them had been met in the period.
X
printf '%s\n' \
  'The United Nations provided technical support to commissions for the elimination of violence against women in thirty-two of the provinces.' '' \
  'The Ministry of Interior Affairs adopted the final plan on 13 August, which outlines measures to improve the participation, protection and professionalization of women in the police and in the armed forces.' '' \
  'The report assessed progress in eight sectors against the indicators of the development plan and found that most of them had been met in the period.' \
  > "$scratch/want"
seg --lang en "$scratch/split.en" > "$scratch/got"
expect "a justified line split a word a line is one line again, inside its paragraph" "$scratch/want" "$scratch/got"
# Not a run of one-word lines that makes no line: a list of items stays.
cat > "$scratch/items.en" <<'X'
The States that reported in the period under review are the following, in
the order in which their reports were received by the secretariat:
Argentina
Brazil
Chile
The secretariat thanks them and invites the others to report in due course.
X
seg --lang en "$scratch/items.en" > "$scratch/got"
grep -qx "Argentina" "$scratch/got" && grep -qx "Chile" "$scratch/got"
ok $? "a short list of one-word lines keeps its lines"
done_testing
