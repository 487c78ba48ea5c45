#!/usr/bin/env bash
# Builds the Visual Studio extension's VSIX (vs-extension/heal.vsix) and checks it, on any OS:
#   1. publishes the server for win-x64, framework-dependent and ReadyToRun (crossgen2 compiles for Windows here):
#      heal.exe and its assemblies go under server/ in the VSIX;
#   2. builds the adapter (net472) and heal-vsix, then packs the VSIX with heal-vsix (Visual Studio's own VSIX tools
#      are Windows programs): extension.vsixmanifest, the two Heal assemblies, heal.pkgdef written from the package's
#      attributes, manifest.json, catalog.json, [Content_Types].xml and the server;
#   3. reads it back with heal-vsix verify: the manifest against the published VSIX schema, the installation targets,
#      every asset and file hash, and the server binaries.
# It cannot run the extension inside Visual Studio: see docs/visual-studio.md for the manual check on Windows.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS
out=vs-extension/.build
rm -rf "$out/server"
mkdir -p "$out"
dotnet publish server/Heal.Cli -c Release -r win-x64 --self-contained false -o "$out/server" -nologo -v q -clp:NoSummary
published=$SECONDS
dotnet build vs-extension/Heal.VisualStudio.Packaging -c Release -nologo -v q -clp:NoSummary
dotnet build vs-extension/Heal.VisualStudio -c Release -nologo -v q -clp:NoSummary
adapter=vs-extension/Heal.VisualStudio/bin/Release/net472
tool=vs-extension/Heal.VisualStudio.Packaging/bin/Release/net10.0/heal-vsix.dll
dotnet "$tool" pack --manifest vs-extension/Heal.VisualStudio/extension.vsixmanifest \
  --assembly "$adapter/Heal.VisualStudio.dll" --assembly "$adapter/Heal.VisualStudio.Core.dll" \
  --references "$adapter/references.txt" --server "$out/server" --out vs-extension/heal.vsix
# ReadyToRun: the publish compiled heal.dll to native code for win-x64 (a PE with a managed-native header).
r2r=$(dotnet "$tool" r2r "$out/server/heal.dll")
echo "server/heal.dll: $r2r"
verify=(verify vs-extension/heal.vsix --require server/heal.exe --require server/heal.dll --require server/heal.runtimeconfig.json
  --require server/Heal.LanguageServer.dll --require server/Demo/Sample/Sample.sln
  --target "Microsoft.VisualStudio.Community [17.14,19.0)" --target "Microsoft.VisualStudio.Pro [17.14,19.0)"
  --target "Microsoft.VisualStudio.Enterprise [17.14,19.0)")
dotnet "$tool" "${verify[@]}"
echo "vs-extension: publish $((published - started)) s, build, pack and verify $((SECONDS - published)) s"
