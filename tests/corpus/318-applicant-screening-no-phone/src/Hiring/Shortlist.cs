namespace Hiring;

public sealed record ShortlistResult(IReadOnlyList<Applicant> Shortlisted, IReadOnlyDictionary<string, IReadOnlyList<string>> NeedsFollowUp);

public static class Shortlist
{
    public static ShortlistResult Build(IEnumerable<Applicant> applicants, int minimumYears)
    {
        var shortlisted = new List<Applicant>();
        var followUp = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var applicant in applicants.Where(a => a.YearsExperience >= minimumYears))
        {
            var problems = Screening.Problems(applicant);
            if (problems.Count == 0)
                shortlisted.Add(applicant);
            else
                followUp[applicant.Id] = problems;
        }
        return new ShortlistResult(shortlisted.OrderByDescending(a => a.YearsExperience).ToList(), followUp);
    }
}
