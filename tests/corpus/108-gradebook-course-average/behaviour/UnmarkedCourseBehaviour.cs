using Campus.Grades;

// Owner's decision: a course with no marked work yet stays in the term report, its average shown as
// "not yet marked" (CourseAverage is NaN); it is neither 0 nor left out.
public class UnmarkedCourseBehaviour
{
    [Fact]
    public void TermReport_CourseWithNothingMarked_IsListedAsNotYetMarked()
    {
        var book = new GradeBook();
        book.Record(new Submission("s1", "CHEM101", "Lab 1", 72));
        book.Record(new Submission("s1", "PHYS120", "Problem set 1", null));
        book.Record(new Submission("s2", "PHYS120", "Problem set 1", null));

        var report = book.TermReport(["CHEM101", "PHYS120"]);

        Assert.Equal(2, report.Count);
        Assert.Equal("PHYS120  not yet marked  (0 marked, 2 outstanding)", report[1].ToString());
        Assert.True(double.IsNaN(book.CourseAverage("PHYS120")));
    }
}
