#!/usr/bin/env bash
# Builds MixDojo as an installable app: a self-contained app image with a jlinked Java runtime
# (the JDK modules MixDojo uses and JavaFX, on the runtime's module path) in target/dist/mixdojo/,
# and on Linux a .deb of it (target/dist/mixdojo_VERSION_ARCH.deb). Needs a JDK 17+ (jlink and
# jpackage; JAVA_HOME or the java on PATH) and Maven; on Debian also fakeroot and dpkg-dev.
# The same launcher runs the app (no arguments) and the command line (any arguments).
#   scripts/package.sh            app image and, on Linux, the .deb
#   scripts/package.sh app-image  the app image only
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

type=${1:-all}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jlink=$java_home/bin/jlink
jpackage=$java_home/bin/jpackage
for tool in "$jlink" "$jpackage"; do
  [ -x "$tool" ] || { echo "$tool not found: set JAVA_HOME to a JDK 17 or newer." >&2; exit 2; }
done

echo "Building target/mixdojo.jar…"
mvn -q -B package -DskipTests

version=$(sed -n 's|^  <version>\([0-9.]*\).*</version>|\1|p' pom.xml | head -1)
work=target/package
dist=target/dist
rm -rf "$work" "$dist"
mkdir -p "$work/input/lib" "$dist"

# The application: our jar, its libraries (JavaFX goes into the runtime instead), lessons and songs.
cp target/mixdojo.jar "$work/input/"
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in javafx-*) ;; *) cp "$jar" "$work/input/lib/" ;; esac
done
cp -r lessons audio-exercises "$work/input/"

# The runtime: the JDK modules MixDojo and its libraries use (jdeps), and JavaFX's modular jars.
fx_jars=$(ls target/lib/javafx-*-*.jar | tr '\n' ':')
echo "Linking the runtime…"
"$jlink" --module-path "$java_home/jmods:$fx_jars" \
  --add-modules java.base,java.desktop,java.logging,java.sql,java.xml,java.naming,jdk.unsupported,jdk.charsets,javafx.controls,javafx.swing \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$work/runtime"
# JavaFX keeps its native libraries inside its jars; put them where the runtime loads libraries from,
# so they are not unpacked into the user's home at every first start.
case "$(uname -s)" in
  Linux) natives=lib pattern='*.so' ;;
  Darwin) natives=lib pattern='*.dylib' ;;
  *) natives=bin pattern='*.dll' ;;
esac
for jar in target/lib/javafx-*-*.jar; do
  (cd "$work/runtime/$natives" && unzip -q -o "$OLDPWD/$jar" "$pattern" 2>/dev/null || true)
done

icon=src/main/resources/dev/mixdojo/ui/mixdojo.png
common=(--name mixdojo --app-version "$version" --vendor "MixDojo"
  --description "Ear training and mix feedback for people learning to mix")
echo "Packaging the app image…"
"$jpackage" --type app-image "${common[@]}" --input "$work/input" --main-jar mixdojo.jar \
  --main-class dev.mixdojo.cli.Main --arguments gui --runtime-image "$work/runtime" --icon "$icon" \
  --java-options '-Dmixdojo.lessons=$APPDIR/lessons' --java-options '-Dmixdojo.exercises=$APPDIR/audio-exercises' \
  --java-options '-Xmx2g' \
  --dest "$dist"

if [ "$type" = all ] && [ "$(uname -s)" = Linux ]; then
  echo "Packaging the .deb…"
  "$jpackage" --type deb "${common[@]}" --app-image "$dist/mixdojo" --dest "$dist" --icon "$icon" \
    --resource-dir packaging/linux --linux-shortcut --linux-menu-group "AudioVideo;Audio;Education;" \
    --linux-app-category sound \
    --linux-package-deps "libgtk-3-0, libgl1, libasound2, libxtst6, libxxf86vm1"
fi
du -sh "$dist"/* | sed 's|^|  |'
