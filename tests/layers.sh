#!/bin/sh
# layers.sh ROOT - the layers of src/ in dependency order.  A file in a layer
# may include its own folder's headers (bare "name.h") and lower layers'
# ("layer/name.h"), never a higher layer's; only src/tui includes curses;
# src/main.c (the program) may include any layer.
#   layers.sh ROOT --self-test   also shows that a bad include is caught
order="sync bus rt go scen model rec app tui"
root=$1

rank() { # rank LAYER -> position in $order, or nothing
    i=0
    for l in $order; do
        [ "$l" = "$1" ] && { echo $i; return; }
        i=$((i + 1))
    done
}

check() { # check SRC -> prints each violation, exits 1 if any
    bad=0
    for dir in "$1"/*/; do
        layer=$(basename "$dir")
        me=$(rank "$layer")
        if [ -z "$me" ]; then
            echo "src/$layer: not a known layer (order: $order)"
            bad=1
            continue
        fi
        for f in "$dir"*.[ch]; do
            [ -e "$f" ] || continue
            if [ "$layer" != tui ] &&
                grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](n?curses|term|panel)' "$f"; then
                echo "$f: includes curses outside src/tui"
                bad=1
            fi
            for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
                case $inc in
                */*)
                    to=${inc%%/*}
                    r=$(rank "$to")
                    if [ -z "$r" ]; then
                        echo "$f: includes $inc from no layer"
                        bad=1
                    elif [ "$r" -gt "$me" ]; then
                        echo "$f: layer $layer includes $inc from higher layer $to"
                        bad=1
                    fi ;;
                version.h) ;;
                *)
                    if [ ! -e "$dir$inc" ]; then
                        echo "$f: bare include $inc is not in src/$layer"
                        bad=1
                    fi ;;
                esac
            done
        done
    done
    return $bad
}

check "$root/src" || exit 1
echo "ok: layers $order"

if [ "${2:-}" = --self-test ]; then
    # A copy of the tree with one deliberate upward include must fail.
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    cp -r "$root/src" "$tmp/src"
    printf '#include "model/model.h"\n' >>"$tmp/src/bus/event.h"
    if out=$(check "$tmp/src"); then
        echo "self-test: an upward include (bus -> model) was not caught"
        exit 1
    fi
    echo "self-test: caught: $out"
    printf '#include <curses.h>\n' >"$tmp/src/rec/x.c"
    sed -i '$d' "$tmp/src/bus/event.h"
    if out=$(check "$tmp/src"); then
        echo "self-test: curses outside src/tui was not caught"
        exit 1
    fi
    echo "self-test: caught: $out"
fi
