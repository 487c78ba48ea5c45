namespace Pharmacy;

/// <summary>Automatic first pass over repeat-prescription requests before the GP signs the batch.</summary>
public sealed class RepeatChecker(Formulary formulary)
{
    public const int MaxDays = 56;

    public Decision Check(RepeatRequest request)
    {
        if (request.Days is < 1 or > MaxDays)
            return new Decision(request, Outcome.Rejected, $"supply must be 1-{MaxDays} days");

        var drug = formulary.Find(request.DrugCode);
        var dailyMg = drug.StrengthMg * request.TabletsPerDay;
        if (dailyMg > drug.MaxDailyMg)
            return new Decision(request, Outcome.NeedsReview, $"{dailyMg}mg/day exceeds {drug.MaxDailyMg}mg for {drug.Name}");

        return new Decision(request, Outcome.Approved, "within limits");
    }

    public IReadOnlyList<Decision> CheckBatch(IEnumerable<RepeatRequest> requests) => requests.Select(Check).ToList();
}
