#!/usr/bin/env bash
# Builds the desktop packages with the JDK's jpackage: an app image with a trimmed (jlink) runtime, then a .deb
# from that image. Called by `mvn -Pdist package` (see app/pom.xml) with: java.home, target dir, version, app jar.
# The .deb step needs fakeroot and dpkg-deb (Debian/Ubuntu: apt-get install fakeroot).
set -euo pipefail
java_home=$1 target=$2 version=$3 jar=$4
here=$(cd "$(dirname "$0")" && pwd)
jpackage="$java_home/bin/jpackage"
input="$target/dist-input"
dest="$target/dist"
rm -rf "$dest"
mkdir -p "$dest" "$input"
cp "$jar" "$input/"

# The modules the class path needs (jdeps cannot read nd4j-api's module descriptor, so they are listed by hand).
modules=java.base,java.desktop,java.logging,java.management,jdk.management,java.sql,java.xml,java.compiler,java.naming,java.scripting,jdk.unsupported,jdk.zipfs

"$jpackage" --type app-image --name Trainscope --app-version "$version" \
  --vendor "Trainscope" --description "Watch the mathematics of deep learning train" \
  --input "$input" --main-jar "$(basename "$jar")" --main-class org.trainscope.app.Launcher \
  --icon "$here/trainscope.png" \
  --java-options '-Xmx2g' \
  --add-modules "$modules" \
  --jlink-options '--strip-debug --no-header-files --no-man-pages --generate-cds-archive' \
  --add-launcher trainscope="$here/cli.properties" \
  --dest "$dest"

# the launcher must start: --version needs no display and must print this build's version
answer=$("$dest/Trainscope/bin/Trainscope" --version)
if [ "$answer" != "Trainscope $version" ]; then
  echo "jpackage.sh: the packaged launcher answered '$answer', expected 'Trainscope $version'" >&2
  exit 1
fi
echo "jpackage.sh: packaged launcher starts: $answer" >&2
# so must the command line (bin/trainscope), whose version is the engine's, the same
cli=$("$dest/Trainscope/bin/trainscope" --version)
if [ "$cli" != "trainscope $version" ]; then
  echo "jpackage.sh: the packaged command line answered '$cli', expected 'trainscope $version'" >&2
  exit 1
fi

if command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null; then
  "$jpackage" --type deb --name Trainscope --app-version "$version" \
    --vendor "Trainscope" --description "Watch the mathematics of deep learning train" \
    --app-image "$dest/Trainscope" --icon "$here/trainscope.png" \
    --linux-package-name trainscope --linux-shortcut --linux-menu-group Education --linux-app-category education \
    --linux-package-deps libgtk-3-0 \
    --resource-dir "$here/deb" \
    --dest "$dest"
else
  echo "jpackage.sh: fakeroot or dpkg-deb missing: built the app image only" >&2
fi
du -sh "$dest"/* >&2
