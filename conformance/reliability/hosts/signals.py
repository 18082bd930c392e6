"""signals.py - a Python host that handles signals (SIGINT, SIGUSR1) keeps working while libpact's threads run:
a thread sends both signals every half millisecond while the main thread runs 300 mock-server cycles through
ctypes. Every signal reaches Python's handlers, every cycle is answered, and the process does not crash.

    python3 signals.py /path/to/libpact_ffi.so
"""
import ctypes
import os
import signal
import sys
import threading
import time
import urllib.request

lib = ctypes.CDLL(sys.argv[1] if len(sys.argv) > 1 else os.environ["LIBPACT"], mode=os.RTLD_NOW)
lib.pactffi_new_pact.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
lib.pactffi_new_pact.restype = ctypes.c_uint16
lib.pactffi_new_interaction.argtypes = [ctypes.c_uint16, ctypes.c_char_p]
lib.pactffi_new_interaction.restype = ctypes.c_uint32
lib.pactffi_with_request.argtypes = [ctypes.c_uint32, ctypes.c_char_p, ctypes.c_char_p]
lib.pactffi_create_mock_server_for_transport.argtypes = [
    ctypes.c_uint16, ctypes.c_char_p, ctypes.c_uint16, ctypes.c_char_p, ctypes.c_char_p]
lib.pactffi_create_mock_server_for_transport.restype = ctypes.c_int32
lib.pactffi_cleanup_mock_server.argtypes = [ctypes.c_int32]
lib.pactffi_free_pact_handle.argtypes = [ctypes.c_uint16]

handled = [0]


def on_signal(signum, frame):
    handled[0] += 1


signal.signal(signal.SIGUSR1, on_signal)
signal.signal(signal.SIGINT, on_signal)
stop = threading.Event()
sent = [0]


def pester():
    while not stop.is_set():
        os.kill(os.getpid(), signal.SIGUSR1)
        os.kill(os.getpid(), signal.SIGINT)
        sent[0] += 2
        time.sleep(0.0005)


t = threading.Thread(target=pester)
t.start()
answered = 0
for _ in range(300):
    p = lib.pactffi_new_pact(b"signals-consumer", b"signals-provider")
    lib.pactffi_with_request(lib.pactffi_new_interaction(p, b"a request"), b"GET", b"/")
    port = lib.pactffi_create_mock_server_for_transport(p, b"127.0.0.1", 0, b"http", None)
    try:
        urllib.request.urlopen("http://127.0.0.1:%d/" % port, timeout=10).read()
        answered += 1
    except Exception as e:  # noqa: BLE001 - reported below
        print("request failed:", e)
    lib.pactffi_cleanup_mock_server(port)
    lib.pactffi_free_pact_handle(p)
stop.set()
t.join()
ok = answered == 300 and handled[0] > 0
print("signals (Python): %d signals sent, %d handled by Python, %d of 300 cycles answered: %s"
      % (sent[0], handled[0], answered, "ok" if ok else "FAIL"))
sys.exit(0 if ok else 1)
