#!/usr/bin/env python3
"""Drives the verification page (contrib/verify/) in headless Chromium through Selenium.

Reads a JSON list of cases: {"name", "page" (folder holding index.html), "file",
"statusList" (optional), "query" (optional, e.g. "?serial=…&sha256=…"), "screenshot" (optional PNG path)}.
A case with "vectors" instead of "file" runs the page's own functions over public test data:
{"jcs": [[input, expected output]…], "signed": W3C eddsa-jcs-2022 vector, "publicKey": its z6Mk… key}
and reports {"jcs": [true|false…], "genuine": {ok…}, "altered": {ok…}}.
Loads the page at a phone's width once per case in one browser session, picks the files
through the page's own inputs, waits for the verdict and writes, per case:
{"name", "state", "title", "detail", "fields": {label: value}, "overflows"}.
"""
import argparse
import functools
import http.server
import json
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def browser(chromium, driver):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                     "--force-device-scale-factor=1", "--lang=zh-CN"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


VECTORS = """
const vectors = arguments[0];
const done = arguments[arguments.length - 1];
(async () => {
  const jcs = vectors.jcs.map(([input, output]) => canonicalize(JSON.parse(input)) === output);
  const key = base58Decode(vectors.publicKey.slice(1)).slice(2);
  const signed = JSON.parse(vectors.signed);
  const genuine = await verifyProofWithKey(signed, key);
  signed.credentialSubject.alumniOf = "The School of Forgeries";
  const altered = await verifyProofWithKey(signed, key);
  return { jcs, genuine, altered };
})().then(done, (error) => done({ error: String(error) }));
"""


def serve(root, port):
    """Serves `root` over http on 127.0.0.1:`port` for the rest of the run."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *arguments):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run_case(session, case):
    session.get(case.get("url") or "file://" + case["page"] + "/index.html" + case.get("query", ""))
    if "vectors" in case:
        return {"name": case["name"], **session.execute_async_script(VECTORS, case["vectors"])}
    if case.get("statusList"):
        session.execute_script("document.getElementById('status-box').open = true")
        session.find_element(By.ID, "status-file").send_keys(case["statusList"])
    session.find_element(By.ID, "file").send_keys(case["file"])
    verdict = session.find_element(By.ID, "verdict")
    deadline = time.time() + 20
    state = ""
    while time.time() < deadline:
        state = verdict.get_attribute("data-state") or ""
        if state and state != "checking":
            break
        time.sleep(0.05)
    fields = session.execute_script("""
        const out = {};
        const items = [...document.querySelectorAll('#fields dt')];
        for (const dt of items) out[dt.textContent] = dt.nextElementSibling.textContent;
        return out;""")
    overflows = session.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
    if case.get("screenshot"):
        height = session.execute_script("return document.documentElement.scrollHeight")
        session.set_window_size(412, max(height + 20, 400))
        session.save_screenshot(case["screenshot"])
        session.set_window_size(412, 915)
    return {
        "name": case["name"], "state": state,
        "title": session.find_element(By.ID, "verdict-title").text,
        "detail": session.find_element(By.ID, "verdict-detail").text,
        "fields": fields, "overflows": overflows,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--driver", default="/usr/bin/chromedriver")
    parser.add_argument("--serve", help="a folder to serve over http while the cases run (cases then give a url)")
    parser.add_argument("--port", type=int, default=0)
    arguments = parser.parse_args()
    server = serve(arguments.serve, arguments.port) if arguments.serve else None
    with open(arguments.cases, encoding="utf-8") as file:
        cases = json.load(file)
    session = browser(arguments.chromium, arguments.driver)
    try:
        session.set_window_size(412, 915)
        version = session.capabilities.get("browserVersion", "")
        results = [run_case(session, case) for case in cases]
    finally:
        session.quit()
        if server:
            server.shutdown()
    with open(arguments.out, "w", encoding="utf-8") as file:
        json.dump({"browserVersion": version, "results": results}, file, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
