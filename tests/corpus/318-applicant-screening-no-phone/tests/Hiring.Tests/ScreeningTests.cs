using Hiring;

namespace Hiring.Tests;

public class ScreeningTests
{
    private static Applicant A(string id, string email = "a@b.co.uk", string? phone = "07700 900123", string? portfolio = null, int years = 3, bool rtw = true) =>
        new(id, "Name " + id, email, phone, portfolio, years, rtw);

    [Fact]
    public void Problems_CleanApplication_None() => Assert.Empty(Screening.Problems(A("1")));

    [Fact]
    public void Problems_BadPortfolio() => Assert.Equal(["portfolio link is not a URL"], Screening.Problems(A("2", portfolio: "my site")));

    [Fact]
    public void Problems_ForeignPhone() => Assert.Equal(["phone is not a UK mobile number"], Screening.Problems(A("3", phone: "+33 6 12 34 56 78")));

    [Fact]
    public void Build_SplitsAndOrders()
    {
        var result = Shortlist.Build([A("1", years: 2), A("2", years: 6), A("3", rtw: false), A("4", years: 0)], 1);
        Assert.Equal(["2", "1"], result.Shortlisted.Select(a => a.Id));
        Assert.Equal(["no right to work in the UK"], result.NeedsFollowUp["3"]);
    }
}
