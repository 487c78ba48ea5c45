namespace Hiring;

public sealed record Applicant(
    string Id,
    string FullName,
    string Email,
    string? Phone,
    string? PortfolioUrl,
    int YearsExperience,
    bool RightToWork);
