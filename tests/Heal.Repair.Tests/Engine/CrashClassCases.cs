namespace Heal.Repair.Tests.Engine;

/// <summary>
/// Crashes of the common non-null exception classes written the way a team writes them (not against the rules): each
/// states its intended behaviour in its own docs, siblings or annotations, or states nothing and must be declined.
/// <see cref="Expected"/> is a fragment the patch's added lines must hold, or null for a decline. <see cref="Fixme"/>, when set,
/// says why the engine still declines a case it should fix: the test then asserts today's decline.
/// </summary>
public sealed record CrashClassCase(string Id, string ExceptionType, string Message, string Fixture, string? Expected, string? Fixme = null)
{
    public override string ToString() => Id;
}

/// <summary>The cases, by class.</summary>
public static class CrashClassCases
{
    private const string Ioe = "System.InvalidOperationException";
    private const string Knf = "System.Collections.Generic.KeyNotFoundException";
    private const string Cast = "System.InvalidCastException";
    private const string Format = "System.FormatException";
    private const string Aoor = "System.ArgumentOutOfRangeException";
    private const string Ioor = "System.IndexOutOfRangeException";

    public static readonly CrashClassCase[] All =
    [
        // InvalidOperationException: First/Single/Last, aggregates, Nullable<T>.Value, collection modified.
        new("ioe-first-doc-null", Ioe, "Sequence contains no elements", """
            //- App/Billing/InvoiceBook.cs
            #nullable enable
            namespace Billing;

            public sealed record Invoice(string CustomerId, DateOnly Issued, decimal Total);

            public sealed class InvoiceBook
            {
                private readonly List<Invoice> _invoices = new();

                public void Add(Invoice invoice) => _invoices.Add(invoice);

                /// <summary>The customer's most recent invoice.</summary>
                /// <returns>The newest invoice, or <c>null</c> when the customer has never been invoiced.</returns>
                public Invoice? Latest(string customerId)
                {
                    return _invoices // <- throws
                        .Where(i => i.CustomerId == customerId)
                        .OrderByDescending(i => i.Issued)
                        .First();
                }
            }
            """, "FirstOrDefault()"),
        new("ioe-average-sibling-zero", Ioe, "Sequence contains no elements", """
            //- App/School/Gradebook.cs
            namespace School;

            public class Gradebook
            {
                private readonly List<int> marks = new List<int>();

                public void Record(int mark) { marks.Add(mark); }

                public int Best()
                {
                    if (marks.Count == 0)
                        return 0;
                    return marks.Max();
                }

                public double Mean()
                {
                    return marks.Average(); // <- throws
                }
            }
            """, "return 0", Fixme: "only a sibling of another return type (int Best) guards the same list; no rule reads that across return types"),
        new("ioe-max-doc-zero-static", Ioe, "Sequence contains no elements", """
            //- App/Energy/PeakDemand.cs
            namespace Energy;

            public readonly record struct Reading(DateTime At, double Kilowatts);

            public static class PeakDemand
            {
                /// <summary>The highest demand in the window. A window without readings has a peak of 0 kW.</summary>
                public static double Of(IReadOnlyList<Reading> window)
                {
                    var peak = window.Max(r => r.Kilowatts); // <- throws
                    return Math.Round(peak, 1);
                }
            }
            """, "0"),
        new("ioe-nullable-value-doc", Ioe, "Nullable object must have a value.", """
            //- App/Shop/Pricing.cs
            #nullable enable
            namespace Shop;

            public sealed class OrderLine
            {
                public decimal UnitPrice { get; init; }
                public int Quantity { get; init; }

                /// <summary>Percentage off the line, or <c>null</c> when no discount applies (the line is charged in full).</summary>
                public int? DiscountPercent { get; init; }
            }

            public static class Pricing
            {
                public static decimal LineTotal(OrderLine line)
                {
                    var gross = line.UnitPrice * line.Quantity;
                    return gross * (100 - line.DiscountPercent.Value) / 100m; // <- throws
                }
            }
            """, "DiscountPercent", Fixme: "\"charged in full\" names no value; 0 is inferred, not stated"),
        new("ioe-collection-modified-remove", Ioe, "Collection was modified; enumeration operation may not execute.", """
            //- App/Sessions/SessionStore.cs
            namespace Sessions;

            public sealed class Session
            {
                public string Id { get; set; } = "";
                public DateTime ExpiresAt { get; set; }
            }

            public sealed class SessionStore
            {
                private readonly List<Session> _sessions = new();

                public void Add(Session s) => _sessions.Add(s);

                /// <summary>Removes every session that has expired by <paramref name="now"/>.</summary>
                public void Sweep(DateTime now)
                {
                    foreach (var session in _sessions)
                    {
                        if (session.ExpiresAt <= now)
                        {
                            _sessions.Remove(session); // <- throws
                        }
                    }
                }
            }
            """, "RemoveAll"),
        new("ioe-single-invariant-decline", Ioe, "Sequence contains no matching element", """
            //- App/Crm/Contacts.cs
            namespace Crm;

            public sealed record Address(string Kind, string Street);

            public sealed class Contact
            {
                public List<Address> Addresses { get; } = new();

                /// <summary>The billing address. Every contact is created with exactly one billing address.</summary>
                public Address Billing() => Addresses.Single(a => a.Kind == "billing"); // <- throws
            }
            """, null),

        // KeyNotFoundException where the code documents a default.
        new("knf-sibling-getvalueordefault", Knf, "The given key 'NO' was not present in the dictionary.", """
            //- App/Tax/VatTable.cs
            namespace Tax;

            public sealed class VatTable
            {
                private readonly Dictionary<string, decimal> _rates = new() { ["GB"] = 0.20m, ["DE"] = 0.19m };

                public decimal RateFor(string country) => _rates.GetValueOrDefault(country, 0m);

                public decimal VatOn(string country, decimal net)
                {
                    var rate = _rates[country]; // <- throws
                    return Math.Round(net * rate, 2);
                }
            }
            """, "0m"),
        new("knf-doc-default-constant", Knf, "The given key 'SKU-991' was not present in the dictionary.", """
            //- App/Catalog/PriceList.cs
            #nullable enable
            namespace Catalog;

            public sealed class PriceList
            {
                public const decimal ListPrice = 9.99m;

                private readonly IDictionary<string, decimal> _overrides;

                public PriceList(IDictionary<string, decimal> overrides) => _overrides = overrides;

                /// <summary>The price of a SKU. SKUs without an override are sold at <see cref="ListPrice"/>.</summary>
                public decimal PriceOf(string sku)
                {
                    return _overrides[sku]; // <- throws
                }
            }
            """, "ListPrice"),
        new("knf-async-doc-null", Knf, "The given key '42' was not present in the dictionary.", """
            //- App/Profiles/PreferenceCache.cs
            #nullable enable
            namespace Profiles;

            public sealed record Preference(string Theme, string Language);

            public sealed class PreferenceCache
            {
                private readonly Dictionary<int, Preference> _byUser = new();

                /// <summary>Loads the user's saved preferences.</summary>
                /// <returns>The preferences, or <see langword="null"/> if the user never saved any.</returns>
                public async Task<Preference?> LoadAsync(int userId)
                {
                    await Task.Yield();
                    return _byUser[userId]; // <- throws
                }
            }
            """, "GetValueOrDefault(userId)"),
        new("knf-never-logged-in-value-type", Knf, "The given key 'ana' was not present in the dictionary.", """
            //- App/Auth/LoginHistory.cs
            namespace Auth;

            public class LoginHistory
            {
                private readonly Dictionary<string, DateTime> lastLogins = new Dictionary<string, DateTime>();

                public void Record(string user, DateTime at) { lastLogins[user] = at; }

                /// <returns>When the user last signed in, or <c>null</c> if they have never signed in.</returns>
                public DateTime? LastLogin(string user) => lastLogins[user]; // <- throws
            }
            """, "lastLogins.TryGetValue(user, out var lastLogin) ? lastLogin : (DateTime?)null"),
        new("knf-lifted-seat-number", Knf, "The given key 'P-2291' was not present in the dictionary.", """
            //- App/Boarding/SeatMap.cs
            #nullable enable
            namespace Boarding;

            public sealed class SeatMap
            {
                private readonly Dictionary<string, int> _seatByPassenger = new();

                public void Assign(string passenger, int seat) => _seatByPassenger[passenger] = seat;

                /// <summary>The passenger's seat number, or <see langword="null"/> when no seat is assigned to them.</summary>
                public int? SeatOf(string passenger)
                {
                    int? seat = _seatByPassenger[passenger]; // <- throws
                    return seat;
                }
            }
            """, "if (!_seatByPassenger.TryGetValue(passenger, out var seat2))"),
        // The nullable return is the only evidence here: the fix is offered at 0.55, below every merge bar.
        new("knf-lifted-annotation-only", Knf, "The given key 'ana' was not present in the dictionary.", """
            //- App/Auth/Lockouts.cs
            namespace Auth;

            public class Lockouts
            {
                private readonly Dictionary<string, DateTime> until = new Dictionary<string, DateTime>();

                public void Lock(string user, DateTime end) { until[user] = end; }

                public DateTime? LockedUntil(string user) => until[user]; // <- throws
            }
            """, "until.TryGetValue(user, out var until2) ? until2 : (DateTime?)null"),
        new("knf-lifted-null-means-else-decline", Knf, "The given key 'ana' was not present in the dictionary.", """
            //- App/Auth/Bans.cs
            namespace Auth;

            public class Bans
            {
                private readonly Dictionary<string, DateTime?> bannedUntil = new Dictionary<string, DateTime?>();

                public void Ban(string user, DateTime? end) { bannedUntil[user] = end; }

                /// <returns>When the ban ends, or <c>null</c> when the ban is permanent.</returns>
                public DateTime? BanEnds(string user) => bannedUntil[user]; // <- throws
            }
            """, null),
        new("knf-never-provisioned-is-a-bug-decline", Knf, "The given key 'acme' was not present in the dictionary.", """
            //- App/Tenants/TenantDirectory.cs
            #nullable enable
            namespace Tenants;

            public sealed record Tenant(string Slug, string Database);

            public sealed class TenantDirectory
            {
                private readonly Dictionary<string, Tenant> _bySlug = new();

                /// <summary>The tenant a request belongs to.</summary>
                /// <exception cref="KeyNotFoundException">A tenant that was never provisioned; requests for it are a routing bug upstream.</exception>
                public Tenant Resolve(string slug)
                {
                    return _bySlug[slug]; // <- throws
                }
            }
            """, null),
        new("knf-undocumented-decline", Knf, "The given key 'refund' was not present in the dictionary.", """
            //- App/Commands/Dispatcher.cs
            namespace Commands;

            public sealed class Dispatcher
            {
                private readonly Dictionary<string, Action<string>> _handlers = new();

                public void Register(string name, Action<string> handler) => _handlers[name] = handler;

                public void Dispatch(string name, string payload)
                {
                    _handlers[name](payload); // <- throws
                }
            }
            """, null),

        // InvalidCastException.
        new("cast-dbnull-nullable-string", Cast, "Unable to cast object of type 'System.DBNull' to type 'System.String'.", """
            //- App/Data/CustomerReader.cs
            #nullable enable
            using System.Data;

            namespace Data;

            public sealed class Customer
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public string? MiddleName { get; set; }
            }

            public static class CustomerReader
            {
                public static Customer Read(IDataRecord record)
                {
                    var customer = new Customer();
                    customer.Id = (int)record["id"];
                    customer.Name = (string)record["name"];
                    customer.MiddleName = (string)record["middle_name"]; // <- throws
                    return customer;
                }
            }
            """, "record[\"middle_name\"] is DBNull ? null : (string)record[\"middle_name\"]"),
        new("cast-dbnull-nullable-date-argument", Cast, "Unable to cast object of type 'System.DBNull' to type 'System.DateTime'.", """
            //- App/Parcels/ShipmentRepository.cs
            using System.Data.Common;

            namespace Parcels;

            public record Shipment(long Id, DateTime Sent, DateTime? Delivered);

            public class ShipmentRepository
            {
                public async Task<List<Shipment>> ReadAllAsync(DbDataReader reader)
                {
                    var result = new List<Shipment>();
                    while (await reader.ReadAsync())
                    {
                        var id = (long)reader["id"];
                        var sent = (DateTime)reader["sent_at"];
                        result.Add(new Shipment(id, sent, (DateTime)reader["delivered_at"])); // <- throws
                    }
                    return result;
                }
            }
            """, "reader[\"delivered_at\"] is DBNull ? (DateTime?)null : (DateTime)reader[\"delivered_at\"]"),
        new("cast-dbnull-not-nullable-decline", Cast, "Unable to cast object of type 'System.DBNull' to type 'System.String'.", """
            //- App/Hr/EmployeeMapper.cs
            #nullable disable
            using System.Data;

            namespace Hr;

            public class Employee
            {
                public string Email { get; set; }
            }

            public static class EmployeeMapper
            {
                public static Employee Map(IDataReader reader)
                {
                    var employee = new Employee();
                    employee.Email = (string)reader["email"]; // <- throws
                    return employee;
                }
            }
            """, null),
        new("cast-unbox-long-sibling-convert", Cast, "Unable to cast object of type 'System.Int64' to type 'System.Int32'.", """
            //- App/Lockers/LockerRow.cs
            namespace Lockers;

            public sealed class LockerRow
            {
                private readonly IDictionary<string, object> _values;

                public LockerRow(IDictionary<string, object> values) { _values = values; }

                public int Number => Convert.ToInt32(_values["number"]);

                public int Capacity
                {
                    get { return (int)_values["capacity"]; } // <- throws
                }
            }
            """, "Convert.ToInt32"),
        new("cast-doc-ignores-others", Cast, "Unable to cast object of type 'Library.Dvd' to type 'Library.Book'.", """
            //- App/Library/Shelf.cs
            namespace Library;

            public abstract class Item { public string Title { get; set; } = ""; }
            public sealed class Book : Item { public int Pages { get; set; } }
            public sealed class Dvd : Item { public int Minutes { get; set; } }

            public sealed class Shelf
            {
                private readonly List<Item> _items = new();

                public void Put(Item item) => _items.Add(item);

                /// <summary>Total pages on the shelf. Items that are not books are ignored.</summary>
                public int TotalPages()
                {
                    var total = 0;
                    foreach (var item in _items)
                    {
                        var book = (Book)item; // <- throws
                        total += book.Pages;
                    }
                    return total;
                }
            }
            """, "if (item is not Book book)"),
        new("cast-doc-hoisted-skip", Cast, "Unable to cast object of type 'Accounts.CreditNote' to type 'Accounts.Invoice'.", """
            //- App/Accounts/Ledger.cs
            #nullable enable
            namespace Accounts;

            public abstract record Document(string Number);
            public sealed record Invoice(string Number, decimal Amount) : Document(Number);
            public sealed record CreditNote(string Number, decimal Amount) : Document(Number);

            public static class Ledger
            {
                /// <summary>Sums what was invoiced.</summary>
                /// <remarks>Documents other than invoices (credit notes, quotes) are skipped.</remarks>
                public static decimal Invoiced(IEnumerable<Document> documents)
                {
                    decimal sum = 0;
                    foreach (var document in documents)
                    {
                        sum += ((Invoice)document).Amount; // <- throws
                    }

                    return sum;
                }
            }
            """, "if (document is not Invoice invoice)"),
        new("cast-doc-all-of-type-decline", Cast, "Unable to cast object of type 'Fleet.Van' to type 'Fleet.Truck'.", """
            //- App/Fleet/Depot.cs
            namespace Fleet;

            public abstract class Vehicle { public string Plate { get; set; } = ""; }
            public sealed class Truck : Vehicle { public int Axles { get; set; } }
            public sealed class Van : Vehicle { }

            public sealed class Depot
            {
                private readonly List<Vehicle> _heavyBay = new();

                public void Park(Vehicle vehicle) => _heavyBay.Add(vehicle);

                /// <summary>Axles in the heavy bay. Vehicles that are not trucks must never be parked there; one is a bug.</summary>
                public int Axles()
                {
                    var axles = 0;
                    foreach (var vehicle in _heavyBay)
                    {
                        var truck = (Truck)vehicle; // <- throws
                        axles += truck.Axles;
                    }
                    return axles;
                }
            }
            """, null),
        new("cast-undocumented-decline", Cast, "Unable to cast object of type 'Messaging.Ping' to type 'Messaging.OrderPlaced'.", """
            //- App/Messaging/Handler.cs
            namespace Messaging;

            public record Message;
            public sealed record Ping : Message;
            public sealed record OrderPlaced(string OrderId) : Message;

            public sealed class OrderHandler
            {
                public List<string> Seen { get; } = new();

                public void Handle(Message message)
                {
                    var placed = (OrderPlaced)message; // <- throws
                    Seen.Add(placed.OrderId);
                }
            }
            """, null),

        // FormatException / OverflowException when parsing.
        new("format-doc-invariant-decimal", Format, "The input string '12.50' was not in a correct format.", """
            //- App/Import/AmountParser.cs
            namespace Import;

            public static class AmountParser
            {
                /// <summary>Parses an amount from the bank export. Amounts always use a dot as the decimal separator, e.g. <c>12.50</c>.</summary>
                public static decimal Parse(string text)
                {
                    return decimal.Parse(text.Trim()); // <- throws
                }
            }
            """, "InvariantCulture"),
        new("format-doc-thousands", Format, "The input string '1,250' was not in a correct format.", """
            //- App/Stock/QuantityColumn.cs
            #nullable enable
            using System.Globalization;

            namespace Stock;

            public sealed class QuantityColumn
            {
                /// <summary>Reads the quantity column of the supplier sheet.</summary>
                /// <param name="cell">A whole number of units; large quantities are written with a thousands separator, as in <c>1,250</c>.</param>
                public int Read(string cell)
                {
                    return int.Parse(cell, CultureInfo.InvariantCulture); // <- throws
                }
            }
            """, "NumberStyles.Integer | NumberStyles.AllowThousands"),
        new("format-doc-exact-date", Format, "String '31/01/2026' was not recognized as a valid DateTime.", """
            //- App/Feeds/SupplierFeed.cs
            namespace Feeds;

            public sealed record Delivery(string Sku, DateTime Due);

            public sealed class SupplierFeed
            {
                /// <summary>Parses one line of the supplier feed: <c>sku;due</c>, where the due date is written <c>dd/MM/yyyy</c>.</summary>
                public Delivery ParseLine(string line)
                {
                    var parts = line.Split(';');
                    return new Delivery(parts[0], DateTime.Parse(parts[1])); // <- throws
                }
            }
            """, "dd/MM/yyyy"),
        new("format-doc-grouped-population", Format, "The input string '8,336,817' was not in a correct format.", """
            //- App/Census/CityRow.cs
            namespace Census;

            /// <summary>A row of the census sheet.</summary>
            public sealed record CityRow(string Name, long Population)
            {
                /// <summary>Reads <c>name;population</c>. Populations are written with a comma as the thousands separator: <c>8,336,817</c>.</summary>
                public static CityRow FromLine(string line)
                {
                    var cells = line.Split(';');
                    return new CityRow(cells[0], long.Parse(cells[1])); // <- throws
                }
            }
            """, "NumberStyles.Integer | NumberStyles.AllowThousands"),
        new("format-grouped-other-culture-decline", Format, "The input string '1.250' was not in a correct format.", """
            //- App/Stock/Bestand.cs
            using System.Globalization;

            namespace Stock;

            public static class Bestand
            {
                /// <summary>Reads the stock count; large counts carry a thousands separator, e.g. <c>1.250</c>.</summary>
                public static int Read(string cell) => int.Parse(cell, CultureInfo.InvariantCulture); // <- throws
            }
            """, null),
        new("format-undocumented-decline", Format, "The input string 'abc' was not in a correct format.", """
            //- App/Cli/PageArgument.cs
            namespace Cli;

            public static class PageArgument
            {
                public static int Read(string[] args)
                {
                    return int.Parse(args[1]); // <- throws
                }
            }
            """, null),

        // ArgumentOutOfRange / IndexOutOfRange.
        new("ioor-loop-off-by-one", Ioor, "Index was outside the bounds of the array.", """
            //- App/Sales/Trend.cs
            namespace Sales;

            public static class Trend
            {
                /// <summary>Day-over-day changes: one fewer than the number of days.</summary>
                public static int[] Deltas(int[] daily)
                {
                    var deltas = new int[daily.Length - 1];
                    for (var i = 0; i <= deltas.Length; i++)
                    {
                        deltas[i] = daily[i + 1] - daily[i]; // <- throws
                    }
                    return deltas;
                }
            }
            """, "i < deltas.Length"),
        new("aoor-substring-doc-at-most", Aoor, "Index and length must refer to a location within the string. (Parameter 'length')", """
            //- App/Push/Notification.cs
            namespace Push;

            public static class Notification
            {
                public const int MaxTitle = 40;

                /// <summary>The title shown on the lock screen: the subject, cut to at most <see cref="MaxTitle"/> characters.</summary>
                public static string Title(string subject)
                {
                    return subject.Substring(0, MaxTitle); // <- throws
                }
            }
            """, "Math.Min"),
        new("ioor-optional-column-doc", Ioor, "Index was outside the bounds of the array.", """
            //- App/Lab/RowParser.cs
            #nullable enable
            namespace Lab;

            public sealed record Sample(string Id, double Value, string Note);

            public static class RowParser
            {
                /// <summary>Parses <c>id,value[,note]</c>. The note column is optional; a row without it has an empty note.</summary>
                public static Sample Parse(string row)
                {
                    var cells = row.Split(',');
                    var note = cells[2]; // <- throws
                    return new Sample(cells[0], double.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), note);
                }
            }
            """, "\"\"", Fixme: "a fixed-index guard realises exits only; \"has an empty note\" needs a substitute in place"),
        new("ioor-undocumented-decline", Ioor, "Index was outside the bounds of the array.", """
            //- App/Games/Board.cs
            namespace Games;

            public sealed class Board
            {
                private readonly char[] _cells = new char[9];

                public void Mark(int cell, char player)
                {
                    _cells[cell] = player; // <- throws
                }
            }
            """, null),
    ];
}
