#!/usr/bin/env bash
# Regenerates assets/screenshot.{txt,svg} from a real run of the release
# binary in tmux (needs tmux and python3).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
session=rivals-shot
tmux kill-session -t "$session" 2>/dev/null || true
tmux new-session -d -s "$session" -x 120 -y 36 "env TERM=xterm-256color ./target/release/rivals"
sleep 0.5
# Select Meta, then jump its timeline to June 2025 (the Scale AI deal).
for k in j j j j j j j j j j Enter 3 t 2 0 2 5 - 0 6 Enter; do
  tmux send-keys -t "$session" "$k"
  sleep 0.05
done
sleep 0.3
tmux capture-pane -p -t "$session" > assets/screenshot.txt
tmux capture-pane -p -e -t "$session" | python3 assets/ansi_to_svg.py > assets/screenshot.svg
tmux send-keys -t "$session" q
echo "wrote assets/screenshot.txt and assets/screenshot.svg"
