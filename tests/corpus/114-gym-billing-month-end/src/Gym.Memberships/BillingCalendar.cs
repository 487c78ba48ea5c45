namespace Gym.Memberships;

/// <summary>Works out when members are charged.</summary>
public sealed class BillingCalendar
{
    /// <summary>The date a membership is next charged after <paramref name="lastBilled"/>.</summary>
    /// <remarks>
    /// Monthly plans are charged on the same day of the following month. When that month is shorter, the charge
    /// falls on its last day instead: a member who joined on 31 January is charged on 28 February, then on
    /// 28 March. Annual plans are charged on the same date a year later (28 February after a 29 February).
    /// </remarks>
    public DateOnly NextBillingDate(Membership membership, DateOnly lastBilled)
    {
        if (membership.Plan == BillingPlan.Annual)
        {
            return lastBilled.AddYears(1);
        }
        var year = lastBilled.Month == 12 ? lastBilled.Year + 1 : lastBilled.Year;
        var month = lastBilled.Month == 12 ? 1 : lastBilled.Month + 1;
        return new DateOnly(year, month, lastBilled.Day);
    }

    /// <summary>The charges of a membership falling in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public IReadOnlyList<Charge> ChargesBetween(Membership membership, DateOnly from, DateOnly to)
    {
        var charges = new List<Charge>();
        for (var date = membership.StartedOn; date <= to; date = NextBillingDate(membership, date))
        {
            if (date < from)
            {
                continue;
            }
            if (membership.FrozenUntil is { } frozen && date <= frozen)
            {
                continue;
            }
            charges.Add(new Charge(membership.MemberId, date, membership.Fee));
        }
        return charges;
    }
}
