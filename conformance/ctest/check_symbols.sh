#!/bin/bash
# check_symbols.sh LIB HEADER: every function declared in HEADER is exported by LIB, and every pactffi_*
# function LIB exports is declared in HEADER.
set -euo pipefail
lib=$1 header=$2
declared=$(grep -oE '\b(pactffi_[a-z0-9_]+|libpact_version)\(' "$header" | tr -d '(' | sort -u)
exported=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TW]$/ {print $3}' | grep -E '^(pactffi_|libpact_version$)' | sort -u)
missing=$(comm -23 <(echo "$declared") <(echo "$exported"))
extra=$(comm -13 <(echo "$declared") <(echo "$exported"))
nd=$(echo "$declared" | wc -l) ne=$(echo "$exported" | wc -l)
stubs=$(nm -D --defined-only "$lib" | awk '$2 == "W" && $3 ~ /^pactffi_/' | wc -l)
status=0
if [ -n "$missing" ]; then echo "declared in $header but not exported:"; echo "$missing"; status=1; fi
if [ -n "$extra" ]; then echo "exported but not declared in $header:"; echo "$extra"; status=1; fi
if [ "$nd" -lt 284 ]; then echo "only $nd declarations (want the 280 of pact_ffi 0.5.8, the 0.4.x ones and libpact_version)"; status=1; fi
[ $status = 0 ] && echo "symbols: $nd declared = $ne exported ($((ne - stubs)) implemented in Go, $stubs weak stubs)"
# The header's "Not implemented" comment should list exactly the weak stubs.
listed=$(sed -n '/functions without an implementation/,/plugin functions/{/plugin functions/d;p}' "$header" | grep -oE 'pactffi_[a-z0-9_]+' | sort -u || true)
weak=$(nm -D --defined-only "$lib" | awk '$2 == "W" && $3 ~ /^pactffi_/ {print $3}' | sort -u)
if [ "$listed" != "$weak" ]; then
  echo "WARNING: the \"Not implemented\" list in $header is out of date:"
  comm -3 <(echo "$listed") <(echo "$weak") | sed 's/^\t/  now a stub: /; s/^pactffi/  now implemented: pactffi/'
fi
exit $status
