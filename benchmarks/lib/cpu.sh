# Prints the machine line every benchmark starts with: cores, CPU model and the SIMD flags PyTorch's kernels depend on.
echo "CPU: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
  "flags: $(grep -m1 -o -w -E 'avx512f|avx2|avx|fma' /proc/cpuinfo | sort -u | xargs)"
