namespace Campus.Grades;

public sealed record Submission(string StudentId, string CourseCode, string Assessment, double? Mark);

public sealed record CourseLine(string CourseCode, double Average, int Marked, int Outstanding)
{
    public override string ToString() =>
        $"{CourseCode,-8} {Average,5:0.0}  ({Marked} marked, {Outstanding} outstanding)";
}
