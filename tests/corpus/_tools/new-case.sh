#!/usr/bin/env bash
# Scaffolds the project files of a new corpus case (no code): src/<App>, tests/<App>.Tests (visible),
# behaviour/ (hidden), crash/ (Sentry console), and <App>.sln holding only src and the visible tests.
# Usage: tests/corpus/_tools/new-case.sh tests/corpus/NN-short-name App [enable|disable] [Exe|Library]
set -euo pipefail
dir="$1"; app="$2"; nullable="${3:-enable}"; kind="${4:-Library}"
mkdir -p "$dir/src/$app" "$dir/tests/$app.Tests" "$dir/behaviour" "$dir/crash"
output=""; [ "$kind" = Exe ] && output="
    <OutputType>Exe</OutputType>"
cat >"$dir/src/$app/$app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>$output
    <Nullable>$nullable</Nullable>
    <RootNamespace>$app</RootNamespace>
  </PropertyGroup>
</Project>
XML
test_props() {
cat <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <Nullable>$nullable</Nullable>
    <IsTestProject>true</IsTestProject>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
    <PackageReference Include="xunit" Version="2.9.3" />
    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
  </ItemGroup>
  <ItemGroup>
    <Using Include="Xunit" />
    <ProjectReference Include="$1" />
  </ItemGroup>
</Project>
XML
}
test_props "../../src/$app/$app.csproj" >"$dir/tests/$app.Tests/$app.Tests.csproj"
test_props "../src/$app/$app.csproj" >"$dir/behaviour/$app.Behaviour.Tests.csproj"
cat >"$dir/crash/Crash.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Sentry" Version="6.12.1" />
    <ProjectReference Include="../src/$app/$app.csproj" />
  </ItemGroup>
</Project>
XML
(cd "$dir" && dotnet new sln -n "$app" --format sln -o . >/dev/null && dotnet sln "$app.sln" add "src/$app/$app.csproj" "tests/$app.Tests/$app.Tests.csproj" >/dev/null)
