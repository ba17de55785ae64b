#!/bin/sh
# Compiles the GPU backend's kernels to the PTX resource the module ships. Run it after every change
# to xcert_kernels.cu (needs nvcc; the build and the tests do not). The first line of the PTX records
# the SHA-256 of the source, which PtxResourceTest compares with the source.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/xcert/explainers/backend/gpu/xcert_kernels.ptx"
tmp=$(mktemp)
# compute_75: the oldest target CUDA 13 compiles for; the driver JIT-compiles the PTX for the GPU.
nvcc -ptx -arch=compute_75 -O3 -o "$tmp" "$here/xcert_kernels.cu"
sum=$(sha256sum "$here/xcert_kernels.cu" | cut -d' ' -f1)
{ echo "// xcert_kernels.cu sha256 $sum"; cat "$tmp"; } > "$out"
rm -f "$tmp"
echo "wrote $out"
