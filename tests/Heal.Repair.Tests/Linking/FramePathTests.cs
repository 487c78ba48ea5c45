using Heal.Repair.Linking;

namespace Heal.Repair.Tests.Linking;

public sealed class FramePathTests
{
    [Theory]
    [InlineData("/home/runner/work/r/r/src/App/Worker.cs", "home/runner/work/r/r/src/App/Worker.cs")]
    [InlineData(@"C:\agent\_work\1\s\src\App\Worker.cs", "agent/_work/1/s/src/App/Worker.cs")]
    [InlineData("/_/src/App/Worker.cs", "_/src/App/Worker.cs")]
    [InlineData("webpack:///./src/index.js?abc", "src/index.js")]
    [InlineData("file:///usr/src/app/index.js", "usr/src/app/index.js")]
    [InlineData("../../etc/passwd", "etc/passwd")]
    [InlineData("src/../../secret/Key.cs", "secret/Key.cs")]
    [InlineData("Worker.cs", "Worker.cs")]
    [InlineData("", "")]
    public void Segments_ReportedPath_KeepsWhatCanNameARepositoryFile(string path, string expected)
    {
        Assert.Equal(expected, string.Join('/', FramePath.Segments(path)));
    }
}
