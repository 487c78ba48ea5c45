using System.Globalization;

namespace Venue;

public sealed record Show(string Title, DateOnly Date, TimeOnly Doors, TimeOnly Curtain, string Room)
{
    public string TicketLine => $"{Date:ddd d MMM} - doors {ShowTimes.Format(Doors)}, starts {ShowTimes.Format(Curtain)} - {Room}";
}

public static class ListingSheet
{
    /// <summary>Reads the programming team's listings sheet: <c>date,title,doors,curtain,room</c> per line.</summary>
    public static IReadOnlyList<Show> Read(IEnumerable<string> rows)
    {
        var shows = new List<Show>();
        foreach (var row in rows.Skip(1))
        {
            if (string.IsNullOrWhiteSpace(row))
                continue;
            var cells = row.Split(',');
            var show = new Show(
                cells[1].Trim(),
                DateOnly.ParseExact(cells[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                ShowTimes.Parse(cells[2]),
                ShowTimes.Parse(cells[3]),
                cells[4].Trim());
            if (show.Doors > show.Curtain)
                throw new InvalidDataException($"{show.Title}: doors after curtain");
            shows.Add(show);
        }
        return shows.OrderBy(s => s.Date).ThenBy(s => s.Curtain).ToList();
    }
}
