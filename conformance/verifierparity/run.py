"""run.py: verifies every real pact (HTTP interactions only) with two verifier
libraries through the pact_ffi C ABI, against the same providers (libpact's
mock server serving each pact, started by main.go), and compares the results:
the return code of pactffi_verifier_execute per pact, and per interaction the
result and the mismatches (type and path) from pactffi_verifier_json.

    python3 conformance/verifierparity/run.py build/libpact.so /path/to/libpact_ffi.so

Prints the pacts whose outcomes differ and one summary line:

    verifier parity: N pacts, N interactions; same outcome N, different N; same mismatches N
"""

import ctypes
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))


def verify_all(lib_path, manifest, out_path):
    """verify_all runs in a child process: one library per process."""
    lib = ctypes.CDLL(lib_path)
    P = ctypes.c_void_p
    lib.pactffi_verifier_new_for_application.restype = P
    lib.pactffi_verifier_new_for_application.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    lib.pactffi_verifier_set_provider_info.argtypes = [P, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
                                                       ctypes.c_ushort, ctypes.c_char_p]
    lib.pactffi_verifier_add_file_source.argtypes = [P, ctypes.c_char_p]
    lib.pactffi_verifier_set_coloured_output.argtypes = [P, ctypes.c_uint8]
    lib.pactffi_verifier_execute.argtypes = [P]
    lib.pactffi_verifier_json.restype = P
    lib.pactffi_verifier_json.argtypes = [P]
    lib.pactffi_verifier_shutdown.argtypes = [P]
    lib.pactffi_string_delete.argtypes = [P]
    results = {}
    for e in manifest:
        h = lib.pactffi_verifier_new_for_application(b"parity", b"1")
        name = e["provider"] or "provider"
        lib.pactffi_verifier_set_provider_info(h, name.encode(), b"http", b"127.0.0.1", e["port"], None)
        lib.pactffi_verifier_add_file_source(h, e["file"].encode())
        lib.pactffi_verifier_set_coloured_output(h, 0)
        rc = lib.pactffi_verifier_execute(h)
        raw = lib.pactffi_verifier_json(h)
        doc = json.loads(ctypes.string_at(raw).decode("utf-8", "replace")) if raw else {}
        if raw:
            lib.pactffi_string_delete(raw)
        lib.pactffi_verifier_shutdown(h)
        results[e["file"]] = {"rc": rc, "json": doc}
    json.dump(results, open(out_path, "w"))


def run_lib(lib_path, tag):
    server = subprocess.Popen([os.path.join(REPO, "build", "verifierparity"), real_pacts()],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    manifest = json.loads(server.stdout.readline())
    mpath = os.path.join(REPO, "build", "verifierparity-%s-manifest.json" % tag)
    out = os.path.join(REPO, "build", "verifierparity-%s.json" % tag)
    json.dump(manifest, open(mpath, "w"))
    subprocess.run([sys.executable, __file__, "--child", lib_path, mpath, out],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)
    server.stdin.close()
    server.wait()
    return json.load(open(out))


def real_pacts():
    base = os.environ.get("PACT_CONFORMANCE_DIR") or os.path.join(REPO, "..", "shared", "conformance")
    return os.path.join(base, "real-pacts")


def summary(doc):
    """summary is [(description, result, sorted mismatch keys)] per interaction."""
    out = []
    for r in doc.get("interactionResults", []):
        m = r.get("mismatch") or {}
        keys = sorted("%s %s" % (x.get("type"), x.get("path") or x.get("key") or x.get("parameter") or "")
                      for x in m.get("mismatches", []))
        if m.get("type") == "error":
            keys = ["error"]
        out.append((r.get("description"), r.get("result"), keys))
    return out


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        verify_all(sys.argv[2], json.load(open(sys.argv[3])), sys.argv[4])
        return 0
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    subprocess.run(["go", "build", "-o", os.path.join(REPO, "build", "verifierparity"), "./conformance/verifierparity"],
                   cwd=REPO, check=True)
    a, b = run_lib(sys.argv[1], "a"), run_lib(sys.argv[2], "b")
    pacts = interactions = same = diff = same_mm = 0
    for f in sorted(a):
        if f not in b:
            continue
        pacts += 1
        sa, sb = summary(a[f]["json"]), summary(b[f]["json"])
        rows = []
        for x, y in zip(sa, sb):
            interactions += 1
            if x[1] == y[1]:
                same += 1
                if x[2] == y[2]:
                    same_mm += 1
                else:
                    rows.append("  %s: mismatches %s vs %s" % (x[0], x[2], y[2]))
            else:
                diff += 1
                rows.append("  %s: %s %s vs %s %s" % (x[0], x[1], x[2], y[1], y[2]))
        if len(sa) != len(sb):
            rows.append("  %d vs %d interaction results" % (len(sa), len(sb)))
        if a[f]["rc"] != b[f]["rc"] or rows:
            print("%s: rc %d vs %d" % (os.path.basename(f), a[f]["rc"], b[f]["rc"]))
            for r in rows:
                print(r)
    print("verifier parity: %d pacts, %d interactions; same outcome %d, different %d; same mismatches %d"
          % (pacts, interactions, same, diff, same_mm))
    return 0


if __name__ == "__main__":
    sys.exit(main())
