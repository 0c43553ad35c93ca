#!/usr/bin/env bash
# Assembles the exported search kernels for sm_90 and reports registers, spills, local memory and the
# SASS instruction count per seal (one thread = one seal, so the kernel's instruction count is it), and pow_register's
# kernel beside the legacy little-endian one it must match (issue 17: at most POW_REGISTER_MAX_OVER %, default 2, more).
# Usage: tools/ptx/check.sh [DIR]   (DIR from: dotnet run -c Release --project bench/BittensorPow.Bench -- ptx --out out/ptx)
# Exit: 0 no spills, no stack and no local memory; 1 a kernel spills or uses local memory, branches before its early
# reject (then its count is not what a seal executes), or SearchPowRegister executes
# more than POW_REGISTER_MAX_OVER % above SearchLittleEndian (or, with STRICT_SASS=1, a kernel executes more SASS
# instructions per seal than MAX_SASS); 2 bad input; 3 a program is missing (nothing checked, which
# is not a pass). ptxas, cuobjdump and nvdisasm (cuobjdump -sass runs it) are looked up in .tools/cuda/bin first
# (tools/ptx/fetch-ptxas.sh puts them there), then on PATH.
set -euo pipefail
dir="${1:-out/ptx}"
arch="${PTX_ARCH:-sm_90}"
max_sass="${MAX_SASS:-5500}"
max_over="${POW_REGISTER_MAX_OVER:-2}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
export PATH="$root/.tools/cuda/bin:$PATH"
for p in ptxas cuobjdump nvdisasm; do
    if ! command -v "$p" >/dev/null 2>&1; then
        echo "MISSING: $p is neither in .tools/cuda/bin nor on PATH (tools/ptx/fetch-ptxas.sh fetches it); nothing checked." >&2
        exit 3
    fi
done
shopt -s nullglob
files=("$dir"/*.ptx)
if [ ${#files[@]} -eq 0 ]; then echo "no .ptx files in $dir" >&2; exit 2; fi
echo "ptxas: $(ptxas --version | tail -1)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
status=0
declare -A executed
for ptx in "${files[@]}"; do
    name="$(basename "$ptx" .ptx)"
    if ! ptxas -arch="$arch" -v "$ptx" -o "$tmp/$name.cubin" 2>"$tmp/$name.log"; then
        echo "ptxas rejected $name:" >&2; cat "$tmp/$name.log" >&2; exit 2
    fi
    regs="$(grep -oE 'Used [0-9]+ registers' "$tmp/$name.log" | grep -oE '[0-9]+')"
    stack="$(grep -oE '[0-9]+ bytes stack frame' "$tmp/$name.log" | grep -oE '^[0-9]+')"
    spills="$(grep -oE '[0-9]+ bytes spill stores' "$tmp/$name.log" | grep -oE '^[0-9]+')"
    # A failing disassembler would otherwise read as zero instructions below.
    if ! cuobjdump -sass "$tmp/$name.cubin" >"$tmp/$name.sass" 2>"$tmp/$name.err"; then
        echo "cuobjdump -sass failed on $name: $(cat "$tmp/$name.err")" >&2; exit 3
    fi
    # SASS lines look like "/*01a0*/  LOP3.LUT R1, ..." (the offset grows past 4 hex digits).
    sass="$(grep -cE '^\s+/\*[0-9a-f]{4,}\*/\s+[A-Z@]' "$tmp/$name.sass")"
    # What one seal costs: the instructions executed up to the early reject, i.e. to the kernel's second EXIT (the
    # first is the bounds check); the full 256-bit compare after it runs for candidates only (about 1 in D).
    hot="$(grep -E '^\s+/\*[0-9a-f]{4,}\*/\s+[A-Z@]' "$tmp/$name.sass" | grep -nE '\bEXIT\b' | sed -n 2p | cut -d: -f1)"
    # That count is what every seal executes only if nothing before that EXIT branches (the code is straight-line).
    branches="$(grep -E '^\s+/\*[0-9a-f]{4,}\*/\s+[A-Z@]' "$tmp/$name.sass" | head -n "${hot:-0}" | grep -cE '\bBRA\b' || true)"
    local_ops="$(grep -cE '^\s+/\*[0-9a-f]{4,}\*/.*\b(LDL|STL)\b' "$tmp/$name.sass" || true)"
    mix="$(grep -oE '^\s+/\*[0-9a-f]{4,}\*/\s+(@!?U?P[0-9T] )?[A-Z0-9]+' "$tmp/$name.sass" | awk '{print $NF}' | sort | uniq -c | sort -rn | head -5 | awk '{printf "%s %s, ", $2, $1}')"
    verdict="ok"
    # The target is on what every seal executes; the static count adds the candidates' cold path.
    if [ "${hot:-$sass}" -gt "$max_sass" ]; then
        verdict="above the $max_sass SASS target"
        if [ "${STRICT_SASS:-0}" = "1" ]; then status=1; fi
    fi
    if [ -z "$hot" ] || [ "$branches" != "0" ]; then verdict="NO STRAIGHT-LINE REJECT PATH ($branches branches before it)"; status=1; fi
    if [ "$spills" != "0" ] || [ "$stack" != "0" ] || [ "$local_ops" != "0" ]; then verdict="SPILLS OR LOCAL MEMORY"; status=1; fi
    executed[$name]="${hot:-$sass}"
    echo "$name ($arch): $regs registers, stack $stack B, spill stores $spills B, LDL/STL $local_ops, SASS $sass instructions/seal, ${hot:-?} on the reject path [${mix%, }] -> $verdict"
done
new="${executed[SearchPowRegister]:-}"; old="${executed[SearchLittleEndian]:-}"
if [ -n "$new" ] && [ -n "$old" ]; then
    bound=$(( old * (100 + max_over) / 100 ))
    change="$(awk -v n="$new" -v o="$old" 'BEGIN { printf "%+.2f", (n - o) * 100 / o }')"
    verdict="ok"
    if [ "$new" -gt "$bound" ]; then verdict="ABOVE THE BOUND"; status=1; fi
    echo "pow_register vs legacy: SearchPowRegister $new, SearchLittleEndian $old executed per seal ($change %; bound +$max_over % = $bound) -> $verdict"
fi
exit $status
