"""Run every benchmark in bench/ in turn and print their figures (`make bench`)."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in sorted(HERE.glob("bench_*.py")):
    print(f"\n### {script.name}", flush=True)
    subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False)
