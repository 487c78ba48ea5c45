using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>A dictionary insert that meets a key twice keeps the entry the code's contract says should stand, or declines.</summary>
public sealed class DuplicateKeyRuleTests
{
    private const string Type = "System.ArgumentException";

    private const string Message = "An item with the same key has already been added. Key: SKU-1";

    private static readonly DuplicateKeyRule Rule = new();

    [Fact]
    public void Apply_ParameterDocSaysTheLaterRowReplacesTheEarlier_AssignsThroughTheIndexer() => RuleCheck.Fixes(Rule,
        PriceBook("/// <param name=\"rows\">Price rows in file order; when a SKU appears more than once, the later row replaces the earlier one.</param>",
            "book.Add(row.Sku, row.Price); // <- throws"),
        Type, Message,
        PriceBook("/// <param name=\"rows\">Price rows in file order; when a SKU appears more than once, the later row replaces the earlier one.</param>",
            "book[row.Sku] = row.Price;"));

    [Fact]
    public void Apply_TypeRemarksSayTheFirstStationWithACodeIsKept_DropsLaterDuplicatesBeforeToDictionary() => RuleCheck.Fixes(Rule, """
        //- src/Rail/StationIndex.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Rail;

        /// <summary>Looks stations up by their three-letter code.</summary>
        /// <remarks>If the timetable feed lists a code twice, the first entry is kept.</remarks>
        public sealed class StationIndex
        {
            private readonly Dictionary<string, Station> _byCode;

            public StationIndex(IEnumerable<Station> stations)
            {
                _byCode = stations.ToDictionary(s => s.Code); // <- throws
            }

            public Station Find(string code) => _byCode[code];
        }

        public sealed record Station(string Code, string Name);
        """, Type, Message, """
        //- src/Rail/StationIndex.cs
        using System.Collections.Generic;
        using System.Linq;

        namespace Rail;

        /// <summary>Looks stations up by their three-letter code.</summary>
        /// <remarks>If the timetable feed lists a code twice, the first entry is kept.</remarks>
        public sealed class StationIndex
        {
            private readonly Dictionary<string, Station> _byCode;

            public StationIndex(IEnumerable<Station> stations)
            {
                _byCode = stations.DistinctBy(s => s.Code).ToDictionary(s => s.Code);
            }

            public Station Find(string code) => _byCode[code];
        }

        public sealed record Station(string Code, string Name);
        """);

    [Fact]
    public void Apply_AnotherMethodOverwritesTheSameCacheEntry_FollowsItsLastWins() => RuleCheck.Fixes(Rule, """
        //- src/Geo/TileCache.cs
        using System.Collections.Generic;

        namespace Geo;

        public sealed class TileCache
        {
            private readonly Dictionary<(int X, int Y), byte[]> _tiles = new();

            public void Refresh((int X, int Y) at, byte[] png) => _tiles[at] = png;

            public void Preload(IEnumerable<((int X, int Y) At, byte[] Png)> tiles)
            {
                foreach (var tile in tiles)
                {
                    _tiles.Add(tile.At, tile.Png); // <- throws
                }
            }
        }
        """, Type, Message, """
        //- src/Geo/TileCache.cs
        using System.Collections.Generic;

        namespace Geo;

        public sealed class TileCache
        {
            private readonly Dictionary<(int X, int Y), byte[]> _tiles = new();

            public void Refresh((int X, int Y) at, byte[] png) => _tiles[at] = png;

            public void Preload(IEnumerable<((int X, int Y) At, byte[] Png)> tiles)
            {
                foreach (var tile in tiles)
                {
                    _tiles[tile.At] = tile.Png;
                }
            }
        }
        """);

    [Fact]
    public void Apply_NothingSaysWhichRowStands_Declines() =>
        RuleCheck.Declines(Rule, PriceBook("/// <param name=\"rows\">Price rows in file order.</param>", "book.Add(row.Sku, row.Price); // <- throws"),
            Type, Message, "nothing in the documentation");

    [Fact]
    public void Apply_DocsSayARepeatedBadgeIsAnError_DeclinesAsIntended() => RuleCheck.Declines(Rule, """
        //- src/Access/BadgeRegister.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Access;

        public static class BadgeRegister
        {
            /// <summary>Indexes the staff by badge number.</summary>
            /// <exception cref="ArgumentException">A badge number is listed more than once.</exception>
            public static IReadOnlyDictionary<int, string> Index(IEnumerable<(int Badge, string Name)> staff) =>
                staff.ToDictionary(s => s.Badge, s => s.Name); // <- throws
        }
        """, Type, Message, "intended");

    [Fact]
    public void Apply_ArgumentExceptionFromAGuardClause_DoesNotApply() => RuleCheck.DoesNotApply(Rule, """
        //- src/Access/Door.cs
        using System;

        namespace Access;

        public static class Door
        {
            public static void Open(string code)
            {
                if (code.Length != 4) throw new ArgumentException("An item with the same key has already been added.", nameof(code)); // <- throws
            }
        }
        """, Type, Message);

    [Fact]
    public void Apply_MethodDocSaysDuplicateReadingsAreIgnored_KeepsTheFirstWithTryAdd() => RuleCheck.Fixes(Rule, Readings("book.Add(reading.Meter, reading.Kwh); // <- throws"),
        Type, Message, Readings("book.TryAdd(reading.Meter, reading.Kwh);"));

    private static string Readings(string insert) => $$"""
        //- src/Grid/MeterSnapshot.cs
        using System.Collections.Generic;

        namespace Grid;

        public static class MeterSnapshot
        {
            /// <summary>The latest reading per meter.</summary>
            /// <remarks>The head-end resends readings after a reconnect; duplicates are ignored.</remarks>
            public static Dictionary<string, double> Take(IReadOnlyList<(string Meter, double Kwh)> readings)
            {
                var book = new Dictionary<string, double>();
                foreach (var reading in readings)
                {
                    {{insert}}
                }

                return book;
            }
        }
        """;

    private static string PriceBook(string parameterDoc, string insert) => $$"""
        //- src/Shop/PriceBook.cs
        using System.Collections.Generic;

        namespace Shop;

        public static class PriceBook
        {
            /// <summary>Builds the price book from an import file.</summary>
            {{parameterDoc}}
            public static Dictionary<string, decimal> Build(IEnumerable<PriceRow> rows)
            {
                var book = new Dictionary<string, decimal>();
                foreach (var row in rows)
                {
                    {{insert}}
                }

                return book;
            }
        }

        public sealed record PriceRow(string Sku, decimal Price);
        """;
}
