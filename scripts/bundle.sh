#!/usr/bin/env bash
# The portable bundle for GPU and cluster nodes without a JDK or Maven: one directory (and a tarball
# of it) with a jlink Java runtime holding only the modules coag needs, the coag jar, the launcher,
# the fixed-step conformance configs and scripts/gpu-check.sh. On the node, OpenCL's ICD loader
# (libOpenCL.so.1) and the vendor's driver are the node's own.
#
#   scripts/bundle.sh [--with-plots] [OUT]   builds OUT (default target/coag-bundle) and OUT.tar.gz
#
# Without --with-plots the runtime leaves out java.desktop (AWT, about 15 MB), which only the plots of
# `coag study` need: make those with `coag study report` where a JDK is. The bundle must stay under
# 64 MB; with --with-plots it is larger and the limit is not enforced.
# Needs a JDK 17+ (jlink, jdeps) and Maven here; COAG_JAR=FILE bundles that jar instead of building.
set -euo pipefail
cd "$(dirname "$0")/.."
plots=0
if [ "${1:-}" = --with-plots ]; then
  plots=1
  shift
fi
out="${1:-target/coag-bundle}"
limit_mb=64

for tool in jlink jdeps java; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bundle: $tool not found; put a JDK 17 or newer on PATH" >&2; exit 1; }
done
jar="${COAG_JAR:-engine-cli/target/coag.jar}"
if [ -z "${COAG_JAR:-}" ]; then
  echo "bundle: building the coag jar" >&2
  mvn -B -q -DskipTests -pl engine-cli -am package
fi
[ -f "$jar" ] || { echo "bundle: $jar does not exist" >&2; exit 1; }

release=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { print $2 }')
modules=$(jdeps --multi-release "$release" --ignore-missing-deps --print-module-deps "$jar")
# The cpu backend's Vector API is loaded with --add-modules; jdeps does not see that.
case ",$modules," in *,jdk.incubator.vector,*) ;; *) modules="$modules,jdk.incubator.vector" ;; esac
if [ "$plots" = 0 ]; then
  modules=$(echo "$modules" | tr ',' '\n' | grep -vx java.desktop | paste -sd, -)
fi
echo "bundle: Java $release runtime with $modules" >&2

rm -rf "$out" "$out.tar.gz"
mkdir -p "$out/lib" "$(dirname "$out")"
compress="--compress=zip-9"
jlink --help 2>&1 | grep -q "zip-\[0-9\]" || compress="--compress=2"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files "$compress" --output "$out/runtime"
# The JDK's native libraries keep their symbol tables (libjvm.so: 5 MB of 30); drop them as Linux
# distributions do (dynamic symbols stay, so JNI and stack traces of Java code are unaffected).
if command -v strip >/dev/null 2>&1; then
  find "$out/runtime" -name '*.so' -exec strip --strip-unneeded {} +
fi
cp "$jar" "$out/lib/coag.jar"
cp coag "$out/coag"
cp scripts/gpu-check.sh "$out/gpu-check.sh"
mkdir "$out/conformance"
for cfg in engine-core/src/test/resources/conformance/*.toml; do
  case "$(basename "$cfg")" in adaptive-*) ;; *) cp "$cfg" "$out/conformance/" ;; esac
done
cp engine-core/src/test/resources/conformance/expected.csv "$out/conformance/"
cat > "$out/README.txt" <<'TXT'
coag, portable bundle: a Java runtime (runtime/), the coag jar (lib/coag.jar) and the launcher.
Nothing else to install but, for the opencl backend, the node's OpenCL driver (an ICD).

  ./coag devices                                          OpenCL devices
  ./coag verify conformance/torus-doi-annihilation-3d.toml --backends reference,cpu,opencl
  ./coag bench --backends cpu,opencl --particles 1e6      throughput
  ./gpu-check.sh                                          the GPU node check (device, bit identity, canary, bench)
TXT

tar -C "$(dirname "$out")" -czf "$out.tar.gz" "$(basename "$out")"
size_mb=$(du -sm "$out" | cut -f1)
tar_mb=$(( ($(stat -c %s "$out.tar.gz") + 1048575) / 1048576 ))
echo "bundle: $out ($size_mb MB), $out.tar.gz ($tar_mb MB)"
if [ "$plots" = 0 ] && [ "$size_mb" -gt "$limit_mb" ]; then
  echo "bundle: $out is $size_mb MB, above the $limit_mb MB limit" >&2
  exit 1
fi
