"""Varnish for the benchmark: the deployment's VCL, plus an address serving a file's bytes.

The proxy rows compare a page the proxy keeps (a HIT) with the same proxy answering the same
bytes from a file, without a cache look-up: the most it could do for that page. Both go out
plain (http_gzip_support off, no gzip from the VCL), since a file read into VCL cannot hold
gzip's bytes.
"""

import shutil
import subprocess

from servers import ROOT

STATIC_PREFIX = "/__bench-static/"

BEFORE_DEPLOYMENT = """
sub vcl_recv {
    if (req.url ~ "^/__bench-static/") {
        return (synth(750));
    }
}
"""

AFTER_DEPLOYMENT = """
sub vcl_backend_response {
    set beresp.do_gzip = false;
}

sub vcl_synth {
    if (resp.status == 750) {
        set resp.status = 200;
        set resp.reason = "OK";
        set resp.http.Content-Type = "text/html; charset=utf-8";
        synthetic(std.fileread("%(static)s/" + regsub(req.url, "^/__bench-static/", "")));
        return (deliver);
    }
}
"""


def varnish_command(*, port, backend_port, workdir):
    """Write the benchmark's VCL into workdir and return the command that runs Varnish."""
    if shutil.which("varnishd") is None:
        raise SystemExit("varnishd is missing: apt-get install -y varnish varnish-modules")
    workdir.mkdir(parents=True, exist_ok=True)
    workdir.chmod(0o755)
    (workdir / "static").mkdir(exist_ok=True)
    (workdir / "static").chmod(0o755)
    deployment = (ROOT / "deploy/varnish/default.vcl").read_text()
    include = 'include "backends.vcl";\n'
    vcl = deployment.replace(include, include + BEFORE_DEPLOYMENT)
    vcl += AFTER_DEPLOYMENT % {"static": workdir / "static"}
    (workdir / "bench.vcl").write_text(vcl)
    backends = subprocess.run(  # noqa: S603 - our own script
        [ROOT / "deploy/varnish/backends"],
        env={"BACKENDS": f"127.0.0.1:{backend_port}"},
        capture_output=True,
        text=True,
        check=True,
    )
    (workdir / "backends.vcl").write_text(backends.stdout)
    return [
        "varnishd", "-F", "-a", f"127.0.0.1:{port}", "-n", str(workdir / "n"),
        "-f", str(workdir / "bench.vcl"), "-p", f"vcl_path={workdir}",
        "-p", "http_gzip_support=off", "-s", "malloc,256m",
    ]  # fmt: skip


def keep_as_file(workdir, name, body):
    """Save a page's bytes for the proxy to serve at STATIC_PREFIX + name."""
    (workdir / "static" / name).write_bytes(body)
    (workdir / "static" / name).chmod(0o644)
    return STATIC_PREFIX + name
