#!/bin/sh
# layers.sh SRCDIR - the engine never includes curses; only src/tui does.
src=$1
bad=$(grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](n?curses|term|panel)' \
      "$src/src" --include='*.[ch]' | grep -v "^$src/src/tui/")
if [ -n "$bad" ]; then
    echo "curses included outside src/tui: $bad"
    exit 1
fi
echo "ok: curses only in src/tui"
