#!/usr/bin/env bash
# Regenerates samples/noisy.wav from the shared corpus (see samples/README.md for sources and licences).
# Needs SoX with Ogg Vorbis support (Debian: apt-get install sox libsox-fmt-all).
# Usage: samples/make-noisy-sample.sh [CORPUS_DIR]   (default: ../shared/corpus next to the repository)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="${1:-${PERCEPNET_CORPUS:-$here/../../shared/corpus}}"
speech="$corpus/speech_gcompris_intro_filtered/gd/intro_align4.ogg"   # Public Domain (GCompris voices, gd)
noise="$corpus/noise_blanket_ambience/boat.ogg"                      # CC0 1.0 (Falcet, freesound 439365)
snr_db=5
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Both to 48 kHz mono float at half level (headroom for the resampler and the mix); the noise cut to the speech's length, starting 3 s in.
sox -R -v 0.5 "$speech" -e floating-point -b 32 "$tmp/speech.wav" remix - rate -v 48000
len=$(soxi -D "$tmp/speech.wav")
sox -R -v 0.5 "$noise" -e floating-point -b 32 "$tmp/noise.wav" remix - rate -v 48000 trim 3 "$len"

rms() { sox "$1" -n stat 2>&1 | awk '/RMS +amplitude/ {print $3}'; }
s=$(rms "$tmp/speech.wav")
n=$(rms "$tmp/noise.wav")
# Noise gain for the wanted SNR (whole-file RMS), then the mix normalised to a -3 dBFS peak.
g=$(awk -v s="$s" -v n="$n" -v snr="$snr_db" 'BEGIN { printf "%.6f", s / (n * 10^(snr/20)) }')
sox -R -m -v 0.5 "$tmp/speech.wav" -v "$(awk -v g="$g" 'BEGIN { print g / 2 }')" "$tmp/noise.wav" "$tmp/mix.wav"
sox -R "$tmp/mix.wav" -b 16 "$here/noisy.wav" gain -n -3 dither
echo "wrote $here/noisy.wav: speech RMS $s, noise RMS $n scaled by $g for ${snr_db} dB SNR"
