#!/usr/bin/env bash
# Regenerates the screenshots in assets/ from real runs of the release
# binary in tmux (needs tmux and python3): screenshot.{txt,svg} (the panes),
# flows.svg, sankey.svg, money.svg and sources.svg (the views).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
session=rivals-shot

# shot NAME KEY...: start the explorer at 120x36, type the keys, capture.
shot() {
  local name=$1
  shift
  tmux kill-session -t "$session" 2>/dev/null || true
  tmux new-session -d -s "$session" -x 120 -y 36 "env TERM=xterm-256color ./target/release/rivals"
  sleep 0.5
  for k in "$@"; do
    tmux send-keys -t "$session" "$k"
    sleep 0.05
  done
  sleep 0.3
  tmux capture-pane -p -t "$session" > "assets/$name.txt"
  tmux capture-pane -p -e -t "$session" | python3 assets/ansi_to_svg.py > "assets/$name.svg"
  tmux send-keys -t "$session" q
  echo "wrote assets/$name.txt and assets/$name.svg"
}

# Select Meta, then jump its timeline to June 2025 (the Scale AI deal).
shot screenshot j j j j j j j j j j Enter 3 t 2 0 2 5 - 0 6 Enter
# The talent flows, on OpenAI → Meta Superintelligence Labs.
shot flows F j
# The same flows as a Sankey, on the disputed OpenAI → MSL wave.
shot sankey F v
# Every amount on one axis.
shot money M
# The articles, and what each supports.
shot sources S
