using Campus.Grades;

public class GradeBookTests
{
    [Fact]
    public void CourseAverage_IgnoresUnmarkedWork()
    {
        var book = new GradeBook();
        book.Record(new Submission("s1", "CHEM101", "Lab 1", 72));
        book.Record(new Submission("s2", "CHEM101", "Lab 1", 58));
        book.Record(new Submission("s3", "CHEM101", "Lab 1", null));

        Assert.Equal(65, book.CourseAverage("CHEM101"));
    }

    [Fact]
    public void Record_Remark_ReplacesTheEarlierMark()
    {
        var book = new GradeBook();
        book.Record(new Submission("s1", "HIST210", "Essay", 48));
        book.Record(new Submission("s1", "HIST210", "Essay", 55));

        Assert.Equal(55, book.StudentAverage("s1", "HIST210"));
    }

    [Fact]
    public void TermReport_CountsMarkedAndOutstanding()
    {
        var book = new GradeBook();
        book.Record(new Submission("s1", "CHEM101", "Lab 1", 72));
        book.Record(new Submission("s2", "CHEM101", "Lab 1", null));

        var line = Assert.Single(book.TermReport(["CHEM101"]));
        Assert.Equal("CHEM101   72.0  (1 marked, 1 outstanding)", line.ToString());
    }
}
