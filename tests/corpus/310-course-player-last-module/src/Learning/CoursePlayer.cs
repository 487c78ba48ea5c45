namespace Learning;

public sealed class CoursePlayer
{
    private readonly Course _course;
    private int _index;

    public CoursePlayer(Course course, string? resumeAtModuleId = null)
    {
        if (course.Modules.Count == 0)
            throw new ArgumentException("A course needs at least one module.", nameof(course));
        _course = course;
        _index = resumeAtModuleId is null ? 0 : Math.Max(0, IndexOf(resumeAtModuleId));
    }

    public Module Current => _course.Modules[_index];

    public int MinutesLeft => _course.Modules.Skip(_index).Sum(m => m.Minutes);

    public Module? Previous()
    {
        if (_index == 0)
            return null;
        _index--;
        return Current;
    }

    public Module? Next()
    {
        var next = _course.Modules[_index + 1];
        _index++;
        return next;
    }

    private int IndexOf(string moduleId)
    {
        for (var i = 0; i < _course.Modules.Count; i++)
            if (_course.Modules[i].Id == moduleId)
                return i;
        return -1;
    }
}
