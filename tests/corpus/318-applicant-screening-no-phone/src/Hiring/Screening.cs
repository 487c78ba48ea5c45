using System.Text.RegularExpressions;

namespace Hiring;

public static partial class Screening
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(\+44\s?7\d{3}|07\d{3})\s?\d{3}\s?\d{3}$")]
    private static partial Regex UkMobilePattern();

    /// <summary>
    /// Reasons the application cannot go to a hiring manager yet. Contact details are optional except e-mail;
    /// optional ones are only checked when the applicant filled them in.
    /// </summary>
    public static IReadOnlyList<string> Problems(Applicant applicant)
    {
        var problems = new List<string>();
        if (!EmailPattern().IsMatch(applicant.Email))
            problems.Add("email address looks wrong");
        if (!UkMobilePattern().IsMatch(applicant.Phone))
            problems.Add("phone is not a UK mobile number");
        if (applicant.PortfolioUrl is not null && !Uri.TryCreate(applicant.PortfolioUrl, UriKind.Absolute, out _))
            problems.Add("portfolio link is not a URL");
        if (!applicant.RightToWork)
            problems.Add("no right to work in the UK");
        return problems;
    }
}
