"""cdp.py - a headless Chromium driven over the Chrome DevTools Protocol,
without dependencies: the browser is started with --remote-debugging-pipe
and speaks NUL-separated JSON messages on file descriptors 3 (to it) and 4
(from it). Used by tests/report/browser.py and tests/bench/bench-report.sh.
"""
import json
import os
import shutil
import subprocess
import tempfile
import time


def find_chromium():
    """The path of a Chromium binary ($CHROMIUM, then the usual names), or None."""
    for name in [os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]:
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class Browser:
    """One headless browser with one page (a target attached in flat mode)."""

    def __init__(self, binary, width=1400, height=1000, download_dir=None):
        self.profile = tempfile.mkdtemp(prefix="polyalign-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def fds():  # in the child: the pipes as 3 and 4, whatever numbers they had
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [binary, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + self.profile, "--window-size=%d,%d" % (width, height), "about:blank"]
        self.proc = subprocess.Popen(args, preexec_fn=fds, pass_fds=(3, 4),
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 browser=True)["sessionId"]
        if download_dir:
            self.call("Browser.setDownloadBehavior",
                      {"behavior": "allow", "downloadPath": download_dir, "eventsEnabled": True}, browser=True)
        for domain in ("Page", "Runtime", "Network"):
            self.call(domain + ".enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def _read(self, deadline):
        while b"\0" not in self.buf:
            if time.time() > deadline:
                raise TimeoutError("no answer from the browser")
            chunk = os.read(self.from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("the browser closed its pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, browser=False, timeout=120):
        """Sends a command (to the page unless `browser`) and returns its result."""
        self.next_id += 1
        want = self.next_id
        msg = {"id": want, "method": method, "params": params or {}}
        if self.session and not browser:
            msg["sessionId"] = self.session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            m = self._read(deadline)
            if m.get("id") == want:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            if "method" in m:
                self.events.append(m)
                if m["method"] == "Page.javascriptDialogOpening":  # answer it, or the page hangs
                    self.next_id += 1
                    os.write(self.to_child, json.dumps({"id": self.next_id, "sessionId": self.session,
                                                        "method": "Page.handleJavaScriptDialog",
                                                        "params": {"accept": True}}).encode() + b"\0")

    def eval(self, expr, timeout=120, gesture=False):
        """The value of a JavaScript expression in the page (JSON-able);
        `gesture`: run as if the user did it (a download needs that)."""
        r = self.call("Runtime.evaluate", {"expression": expr, "returnByValue": True, "awaitPromise": True,
                                           "userGesture": gesture}, timeout=timeout)
        if "exceptionDetails" in r:
            raise RuntimeError("%s: %s" % (expr[:60], r["exceptionDetails"].get("exception", {}).get(
                "description", r["exceptionDetails"].get("text"))))
        return r["result"].get("value")

    def wait_for(self, expr, timeout=120, step=0.05):
        """Waits until `expr` is truthy; returns the seconds waited."""
        t0 = time.time()
        while not self.eval(expr):
            if time.time() - t0 > timeout:
                raise TimeoutError("waited %ds for %s" % (timeout, expr))
            time.sleep(step)
        return time.time() - t0

    def key(self, k):
        """Presses and releases the key `k` (a printable character)."""
        self.call("Input.dispatchKeyEvent", {"type": "keyDown", "key": k, "text": k})
        self.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": k})

    def events_named(self, name):
        return [e["params"] for e in self.events if e.get("method") == name]

    def screenshot(self, path, clip=None):
        import base64
        params = {"format": "png"}
        if clip:
            params["clip"] = dict(clip, scale=1)
        data = self.call("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.call("Browser.close", browser=True, timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.to_child)
        os.close(self.from_child)
        shutil.rmtree(self.profile, ignore_errors=True)
