# match.awk - check a program's stdout against NAME.match, one ERE a line.
#   awk -v R=NAME.match [-v unordered=1] -f match.awk STDOUT
# In order (the default) line i of STDOUT must match regex i. Unordered (the
# program is marked `// poolscope: lines-unordered`), each line must match a regex
# not used yet, the first in file order that matches (so a .match file's regexes
# should be identical or disjoint), and every regex must be used once.
# Prints the first mismatch and exits 1; silent and 0 when the output matches.
function q(s) { if (length(s) > 100) s = substr(s, 1, 100) "..."; return "\"" s "\"" }
BEGIN { while ((getline r < R) > 0) re[++n] = r }
{
    if (!unordered) {
        if (NR > n) { print "stdout line " NR ": unexpected " q($0) " (want end of output)"; bad = 1; exit 1 }
        if ($0 !~ re[NR]) { print "stdout line " NR ": " q($0) " does not match /" re[NR] "/"; bad = 1; exit 1 }
        next
    }
    for (i = 1; i <= n; i++)
        if (!used[i] && $0 ~ re[i]) { used[i] = 1; next }
    print "stdout line " NR ": " q($0) " matches no regex of " R " left"; bad = 1; exit 1
}
END {
    if (bad) exit 1
    if (!unordered) {
        if (NR < n) { print "stdout line " NR + 1 ": missing a line matching /" re[NR + 1] "/ (got end of output)"; exit 1 }
        exit 0
    }
    for (i = 1; i <= n; i++)
        if (!used[i]) { print "stdout: no line matches /" re[i] "/ (line " i " of " R ")"; exit 1 }
}
