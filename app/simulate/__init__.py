"""Simulated phones at protocol level, for rehearsals and the benchmark (bench/run.py).

client.py — one NiceGUI page over HTTP and socket.io; phone.py — one participant; crowd.py — N phones and the CLI."""
