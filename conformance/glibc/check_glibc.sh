#!/usr/bin/env bash
# check_glibc.sh LIB FLOOR - fails (listing the versions and the symbols that need them) if the shared object
# LIB needs a GLIBC_ symbol version above FLOOR, i.e. would not load on a glibc older than that version.
# The versions are read from the object's version needs (readelf -V), the symbols from objdump -T.
set -euo pipefail
lib=$1 floor=$2
[[ -f $lib ]] || { echo "check_glibc: $lib: no such file" >&2; exit 2; }
needed=$(readelf -V --wide "$lib" | sed -n '/\.gnu\.version_r/,$p' | grep -o 'Name: GLIBC_[0-9.]*' | sed 's/Name: GLIBC_//' | sort -uV)
[[ -n $needed ]] || { echo "check_glibc: $lib: no GLIBC version needs found (readelf -V)" >&2; exit 2; }
highest=$(tail -n1 <<<"$needed")
above=$(while read -r v; do [[ $(printf '%s\n%s\n' "$v" "$floor" | sort -V | tail -n1) != "$floor" ]] && echo "$v"; done <<<"$needed" || true)
if [[ -n $above ]]; then
  echo "check_glibc: FAIL $lib needs glibc $highest, above the floor $floor:" >&2
  for v in $above; do
    echo "  GLIBC_$v: $(objdump -T "$lib" | awk -v v="(GLIBC_$v)" '$0 ~ /\*UND\*/ && index($0, v) {print $NF}' | sort -u | tr '\n' ' ')" >&2
  done
  exit 1
fi
echo "check_glibc: $lib needs GLIBC $(tr '\n' ' ' <<<"$needed")(highest $highest <= $floor)"
