namespace Learning;

public sealed class Enrolment(string learnerId, Course course)
{
    private readonly CoursePlayer _player = new(course);

    public string LearnerId { get; } = learnerId;
    public HashSet<string> Finished { get; } = [];
    public DateOnly? CompletedOn { get; private set; }
    public string CurrentModuleId => _player.Current.Id;

    /// <summary>Marks the current module as finished and moves on; the course completes after its last module.</summary>
    public void FinishCurrent(DateOnly today)
    {
        Finished.Add(_player.Current.Id);
        var next = _player.Next();
        if (next is null && Finished.Count == course.Modules.Count)
            CompletedOn = today;
    }
}
