namespace Campus.Grades;

public class GradeBook
{
    private readonly List<Submission> _submissions = new();

    public void Record(Submission submission)
    {
        if (submission.Mark is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(submission), submission.Mark, "Marks are percentages.");
        }
        _submissions.RemoveAll(s => s.StudentId == submission.StudentId && s.CourseCode == submission.CourseCode && s.Assessment == submission.Assessment);
        _submissions.Add(submission);
    }

    public double CourseAverage(string courseCode) =>
        _submissions
            .Where(s => s.CourseCode == courseCode && s.Mark.HasValue)
            .Average(s => s.Mark!.Value);

    public double StudentAverage(string studentId, string courseCode) =>
        _submissions
            .Where(s => s.StudentId == studentId && s.CourseCode == courseCode && s.Mark.HasValue)
            .Average(s => s.Mark!.Value);

    public IReadOnlyList<CourseLine> TermReport(IEnumerable<string> courseCodes)
    {
        var lines = new List<CourseLine>();
        foreach (var code in courseCodes)
        {
            var ofCourse = _submissions.Where(s => s.CourseCode == code).ToList();
            lines.Add(new CourseLine(
                code,
                Math.Round(CourseAverage(code), 1),
                ofCourse.Count(s => s.Mark.HasValue),
                ofCourse.Count(s => !s.Mark.HasValue)));
        }
        return lines;
    }
}
