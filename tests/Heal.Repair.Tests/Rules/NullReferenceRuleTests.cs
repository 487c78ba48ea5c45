using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class NullReferenceRuleTests
{
    private const string Nre = "System.NullReferenceException";
    private const string Message = "Object reference not set to an instance of an object.";
    private static readonly NullReferenceRule Rule = new();

    [Fact]
    public void Apply_OrDefaultLocalWithSiblingGuardReturningSameMember_SubstitutesSiblingValueAtDereference()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Shop/PriceService.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Shop;

            public sealed class PriceService
            {
                private readonly List<Product> _products = new();

                public decimal PriceOf(string sku)
                {
                    var product = _products.FirstOrDefault(p => p.Sku == sku);
                    if (product == null)
                    {
                        return 0m;
                    }

                    return product.Price;
                }

                public decimal DiscountedPriceOf(string sku, decimal rate)
                {
                    var product = _products.FirstOrDefault(p => p.Sku == sku);
                    return product.Price * (1 - rate); // <- throws
                }
            }
            //- src/Shop/Product.cs
            namespace Shop;

            public sealed class Product
            {
                public string Sku { get; set; } = "";
                public decimal Price { get; set; }
            }
            """, Nre, Message, """
            //- src/Shop/PriceService.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Shop;

            public sealed class PriceService
            {
                private readonly List<Product> _products = new();

                public decimal PriceOf(string sku)
                {
                    var product = _products.FirstOrDefault(p => p.Sku == sku);
                    if (product == null)
                    {
                        return 0m;
                    }

                    return product.Price;
                }

                public decimal DiscountedPriceOf(string sku, decimal rate)
                {
                    var product = _products.FirstOrDefault(p => p.Sku == sku);
                    return (product?.Price ?? 0m) * (1 - rate);
                }
            }
            """);
    }

    [Fact]
    public void Apply_MemberWithSiblingFallback_UsesSameConditionalOperatorAndFallback()
    {
        var result = RuleCheck.Fixes(Rule, """
            //- src/Sales/Labels.cs
            namespace Sales;

            public sealed class Labels
            {
                public string Greeting(Order order)
                {
                    return "Hello " + (order.Customer?.Name ?? "guest");
                }

                public string Label(Order order)
                {
                    return $"#{order.Id} for {order.Customer.Name}"; // <- throws
                }
            }

            public sealed class Order
            {
                public int Id { get; set; }
                public Customer Customer { get; set; }
            }

            public sealed class Customer
            {
                public string Name { get; set; } = "";
            }
            """, Nre, Message, """
            //- src/Sales/Labels.cs
            namespace Sales;

            public sealed class Labels
            {
                public string Greeting(Order order)
                {
                    return "Hello " + (order.Customer?.Name ?? "guest");
                }

                public string Label(Order order)
                {
                    return $"#{order.Id} for {order.Customer?.Name ?? "guest"}";
                }
            }

            public sealed class Order
            {
                public int Id { get; set; }
                public Customer Customer { get; set; }
            }

            public sealed class Customer
            {
                public string Name { get; set; } = "";
            }
            """);
        Assert.Contains("`order.Customer` is null", result.RootCause);
        Assert.Equal("null-conditional", result.FixKind);
    }

    [Fact]
    public void Apply_CallerPassesFirstOrDefaultResult_GuardsInCallerWithSiblingNotFoundValue()
    {
        var result = RuleCheck.Fixes(Rule, """
            //- src/Billing/InvoiceController.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Billing;

            public sealed class InvoiceController
            {
                private readonly List<Customer> _customers = new();
                private readonly InvoiceWriter _writer = new();

                public string Invoice(int customerId)
                {
                    var customer = _customers.FirstOrDefault(c => c.Id == customerId);
                    return _writer.Write(customer); // <- caller 1
                }

                public string Statement(int customerId)
                {
                    var customer = _customers.Find(c => c.Id == customerId);
                    if (customer == null)
                        return null;
                    return _writer.Summary(customer);
                }
            }
            //- src/Billing/InvoiceWriter.cs
            namespace Billing;

            public sealed class InvoiceWriter
            {
                public string Write(Customer customer)
                {
                    return $"Invoice for {customer.Name} <{customer.Email}>"; // <- throws
                }

                public string Summary(Customer customer) => customer.Name;
            }

            public sealed class Customer
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public string Email { get; set; } = "";
            }
            """, Nre, Message, """
            //- src/Billing/InvoiceController.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Billing;

            public sealed class InvoiceController
            {
                private readonly List<Customer> _customers = new();
                private readonly InvoiceWriter _writer = new();

                public string Invoice(int customerId)
                {
                    var customer = _customers.FirstOrDefault(c => c.Id == customerId);
                    if (customer == null)
                        return null;
                    return _writer.Write(customer);
                }

                public string Statement(int customerId)
                {
                    var customer = _customers.Find(c => c.Id == customerId);
                    if (customer == null)
                        return null;
                    return _writer.Summary(customer);
                }
            }
            """);
        Assert.Contains(result.Evidence, e => e.Path == "src/Billing/InvoiceController.cs" && e.Role == "null originates here");
    }

    [Fact]
    public void Apply_EventRaisedWithoutSubscribers_UsesConditionalInvoke()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Inventory/Stock.cs
            using System;

            namespace Inventory;

            public sealed class Stock
            {
                private int _count;

                public event EventHandler Changed;

                public void Add(int amount)
                {
                    _count += amount;
                    Changed(this, EventArgs.Empty); // <- throws
                }
            }
            """, Nre, Message, """
            //- src/Inventory/Stock.cs
            using System;

            namespace Inventory;

            public sealed class Stock
            {
                private int _count;

                public event EventHandler Changed;

                public void Add(int amount)
                {
                    _count += amount;
                    Changed?.Invoke(this, EventArgs.Empty);
                }
            }
            """);
    }

    [Fact]
    public void Apply_AsCastInLoopWithSiblingContinue_ContinuesWithoutBlankLineLikeSibling()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Text/Counter.cs
            using System.Collections.Generic;

            namespace Text;

            public static class Counter
            {
                public static int CountWords(IEnumerable<object> items)
                {
                    var count = 0;
                    foreach (var item in items)
                    {
                        var text = item as string;
                        if (text == null)
                        {
                            continue;
                        }
                        count += text.Split(' ').Length;
                    }

                    return count;
                }

                public static int TotalLength(IEnumerable<object> items)
                {
                    var total = 0;
                    foreach (var item in items)
                    {
                        var text = item as string;
                        total += text.Length; // <- throws
                    }

                    return total;
                }
            }
            """, Nre, Message, """
            //- src/Text/Counter.cs
            using System.Collections.Generic;

            namespace Text;

            public static class Counter
            {
                public static int CountWords(IEnumerable<object> items)
                {
                    var count = 0;
                    foreach (var item in items)
                    {
                        var text = item as string;
                        if (text == null)
                        {
                            continue;
                        }
                        count += text.Split(' ').Length;
                    }

                    return count;
                }

                public static int TotalLength(IEnumerable<object> items)
                {
                    var total = 0;
                    foreach (var item in items)
                    {
                        var text = item as string;
                        if (text == null)
                        {
                            continue;
                        }
                        total += text.Length;
                    }

                    return total;
                }
            }
            """);
    }

    [Fact]
    public void Apply_GetValueOrDefaultInVoidMethod_ReturnsEarlyInFilesIsNullOneLineStyle()
    {
        var result = RuleCheck.Fixes(Rule, """
            //- src/Web/Sessions.cs
            using System;
            using System.Collections.Generic;

            namespace Web;

            public sealed class Sessions
            {
                private readonly Dictionary<string, Session> _sessions = new();

                public void Open(string key, Session session)
                {
                    if (session is null) return;
                    _sessions[key] = session;
                }

                public void Touch(string key)
                {
                    var session = _sessions.GetValueOrDefault(key);
                    session.LastSeen = DateTime.UtcNow; // <- throws
                }
            }

            public sealed class Session
            {
                public DateTime LastSeen { get; set; }
            }
            """, Nre, Message, """
            //- src/Web/Sessions.cs
            using System;
            using System.Collections.Generic;

            namespace Web;

            public sealed class Sessions
            {
                private readonly Dictionary<string, Session> _sessions = new();

                public void Open(string key, Session session)
                {
                    if (session is null) return;
                    _sessions[key] = session;
                }

                public void Touch(string key)
                {
                    var session = _sessions.GetValueOrDefault(key);
                    if (session is null) return;
                    session.LastSeen = DateTime.UtcNow;
                }
            }

            public sealed class Session
            {
                public DateTime LastSeen { get; set; }
            }
            """);
        Assert.Contains(result.Reasons, r => r.Delta > 0 && r.Reason.Contains("GetValueOrDefault", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_CallerPassesNullLiteral_GuardsParameterWithMethodsOwnFallback()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Crm/AddressFormatter.cs
            namespace Crm;

            public sealed class AddressFormatter
            {
                public string Format(Customer customer, Address address)
                {
                    if (customer == null)
                    {
                        return string.Empty;
                    }

                    var line = customer.Name + ", ";
                    return line + address.Street + " " + address.City; // <- throws
                }
            }

            public sealed class Customer
            {
                public string Name { get; set; } = "";
            }

            public sealed class Address
            {
                public string Street { get; set; } = "";
                public string City { get; set; } = "";
            }
            //- src/Crm/Mailer.cs
            namespace Crm;

            public sealed class Mailer
            {
                private readonly AddressFormatter _formatter = new();

                public string Envelope(Customer customer) => _formatter.Format(customer, null); // <- caller 1
            }
            """, Nre, Message, """
            //- src/Crm/AddressFormatter.cs
            namespace Crm;

            public sealed class AddressFormatter
            {
                public string Format(Customer customer, Address address)
                {
                    if (customer == null)
                    {
                        return string.Empty;
                    }

                    var line = customer.Name + ", ";
                    if (address == null)
                    {
                        return string.Empty;
                    }

                    return line + address.Street + " " + address.City;
                }
            }

            public sealed class Customer
            {
                public string Name { get; set; } = "";
            }

            public sealed class Address
            {
                public string Street { get; set; } = "";
                public string City { get; set; } = "";
            }
            """);
    }

    [Fact]
    public void Apply_KAndRFileWithTabs_WritesGuardInFilesBraceStyle()
    {
        RuleCheck.Fixes(Rule, "//- src/Jobs/Runner.cs\nusing System.Collections.Generic;\n\nnamespace Jobs;\n\npublic sealed class Runner {\n\tprivate readonly Dictionary<string, Job> _jobs = new();\n\n\tpublic void Stop(string name) {\n\t\tvar job = _jobs.GetValueOrDefault(name);\n\t\tif (job == null) {\n\t\t\treturn;\n\t\t}\n\t\tjob.Cancel();\n\t}\n\n\tpublic void Restart(string name) {\n\t\tvar job = _jobs.GetValueOrDefault(name);\n\t\tjob.Cancel(); // <- throws\n\t\tjob.Start();\n\t}\n}\n\npublic sealed class Job {\n\tpublic void Cancel() { }\n\tpublic void Start() { }\n}\n",
            Nre, Message,
            "//- src/Jobs/Runner.cs\nusing System.Collections.Generic;\n\nnamespace Jobs;\n\npublic sealed class Runner {\n\tprivate readonly Dictionary<string, Job> _jobs = new();\n\n\tpublic void Stop(string name) {\n\t\tvar job = _jobs.GetValueOrDefault(name);\n\t\tif (job == null) {\n\t\t\treturn;\n\t\t}\n\t\tjob.Cancel();\n\t}\n\n\tpublic void Restart(string name) {\n\t\tvar job = _jobs.GetValueOrDefault(name);\n\t\tif (job == null) {\n\t\t\treturn;\n\t\t}\n\t\tjob.Cancel();\n\t\tjob.Start();\n\t}\n}\n\npublic sealed class Job {\n\tpublic void Cancel() { }\n\tpublic void Start() { }\n}\n");
    }

    [Fact]
    public void Apply_TwoReceiversBothCheckedElsewhere_DeclinesAsAmbiguous()
    {
        RuleCheck.Declines(Rule, """
            //- src/Sales/Shipping.cs
            namespace Sales;

            public sealed class Shipping
            {
                public bool HasCustomer(Order order) => order.Customer != null;

                public bool HasAddress(Customer customer) => customer.Address != null;

                public string City(Order order)
                {
                    return order.Customer.Address.City; // <- throws
                }
            }

            public sealed class Order { public Customer Customer { get; set; } }
            public sealed class Customer { public Address Address { get; set; } }
            public sealed class Address { public string City { get; set; } = ""; }
            """, Nre, Message, "ambiguous");
    }

    [Fact]
    public void Apply_SiblingGuardReturnsDomainValue_DeclinesBecauseBehaviourUnknown()
    {
        RuleCheck.Declines(Rule, """
            //- src/Sales/Pricing.cs
            using System.Linq;

            namespace Sales;

            public sealed class Pricing
            {
                private const decimal StandardShipping = 4.95m;

                public decimal GetShippingCost(Order order)
                {
                    if (order.Customer is null)
                    {
                        return StandardShipping;
                    }

                    return order.Customer.IsPremium ? 0m : StandardShipping;
                }

                public decimal ApplyDiscount(Order order, decimal total)
                {
                    return total * (1 - order.Customer.LoyaltyRate); // <- throws
                }
            }

            public sealed class Order { public Customer Customer { get; set; } }
            public sealed class Customer { public bool IsPremium { get; set; } public decimal LoyaltyRate { get; set; } }
            """, Nre, Message, "cannot be inferred");
    }

    [Fact]
    public void Apply_ParameterFromOutsideLinkedFrames_DeclinesAsExternalInput()
    {
        RuleCheck.Declines(Rule, """
            //- src/Api/Handler.cs
            namespace Api;

            public sealed class Handler
            {
                public int Handle(string body)
                {
                    return body.Length; // <- throws
                }
            }
            """, Nre, Message, "outside the linked frames");
    }

    [Fact]
    public void Apply_ReceiverComputedOnTheLine_Declines()
    {
        RuleCheck.Declines(Rule, """
            //- src/Repo/Catalog.cs
            namespace Repo;

            public sealed class Catalog
            {
                public Item Load(int id) => id > 0 ? new Item() : null;

                public string NameOf(int id)
                {
                    return Load(id).Name; // <- throws
                }
            }

            public sealed class Item { public string Name { get; set; } = ""; }
            """, Nre, Message, "computed on the line");
    }

    [Fact]
    public void Apply_CallerPassesNewObject_DeclinesBecauseNothingCanBeNull()
    {
        RuleCheck.Declines(Rule, """
            //- src/Geo/Area.cs
            namespace Geo;

            public static class Area
            {
                public static double Of(Shape shape) => shape.Width * shape.Height; // <- throws

                public static double Unit() => Of(new Shape()); // <- caller 1
            }

            public sealed class Shape { public double Width { get; set; } public double Height { get; set; } }
            """, Nre, Message, "non-null");
    }

    [Fact]
    public void Apply_VoidMethodInLoopWithoutConvention_Declines()
    {
        RuleCheck.Declines(Rule, """
            //- src/Mail/Outbox.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Mail;

            public sealed class Outbox
            {
                private readonly List<Contact> _contacts = new();

                public void SendAll(IEnumerable<string> emails)
                {
                    foreach (var email in emails)
                    {
                        var contact = _contacts.FirstOrDefault(c => c.Email == email);
                        contact.Send(); // <- throws
                    }
                }
            }

            public sealed class Contact { public string Email { get; set; } = ""; public void Send() { } }
            """, Nre, Message, "cannot be inferred");
    }

    [Fact]
    public void Apply_OtherReceiverCheckedBefore_GuardsTheUncheckedOneInFilesOneLineStyle()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Sales/Describer.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Sales;

            public sealed class Describer
            {
                private readonly List<Customer> _customers = new();

                public string Describe(Order order)
                {
                    if (order == null) return "none";
                    var customer = _customers.FirstOrDefault(c => c.Id == order.CustomerId);
                    return order.Number + " for " + customer.Name; // <- throws
                }
            }

            public sealed class Order { public int CustomerId { get; set; } public string Number { get; set; } = ""; }
            public sealed class Customer { public int Id { get; set; } public string Name { get; set; } = ""; }
            """, Nre, Message, """
            //- src/Sales/Describer.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Sales;

            public sealed class Describer
            {
                private readonly List<Customer> _customers = new();

                public string Describe(Order order)
                {
                    if (order == null) return "none";
                    var customer = _customers.FirstOrDefault(c => c.Id == order.CustomerId);
                    if (customer == null) return "none";
                    return order.Number + " for " + customer.Name;
                }
            }

            public sealed class Order { public int CustomerId { get; set; } public string Number { get; set; } = ""; }
            public sealed class Customer { public int Id { get; set; } public string Name { get; set; } = ""; }
            """);
    }

    [Fact]
    public void Apply_FieldSetToNullAndCalledThroughConditionalElsewhere_UsesConditionalCall()
    {
        var result = RuleCheck.Fixes(Rule, """
            //- src/Jobs/Poller.cs
            using System;
            using System.Threading;

            namespace Jobs;

            public sealed class Poller : IDisposable
            {
                private Timer _timer;

                public void Start() => _timer = new Timer(_ => { }, null, 0, 1000);

                public void Pause()
                {
                    _timer?.Change(Timeout.Infinite, Timeout.Infinite);
                }

                public void Resume()
                {
                    _timer.Change(0, 1000); // <- throws
                }

                public void Dispose()
                {
                    _timer?.Dispose();
                    _timer = null;
                }
            }
            """, Nre, Message, """
            //- src/Jobs/Poller.cs
            using System;
            using System.Threading;

            namespace Jobs;

            public sealed class Poller : IDisposable
            {
                private Timer _timer;

                public void Start() => _timer = new Timer(_ => { }, null, 0, 1000);

                public void Pause()
                {
                    _timer?.Change(Timeout.Infinite, Timeout.Infinite);
                }

                public void Resume()
                {
                    _timer?.Change(0, 1000);
                }

                public void Dispose()
                {
                    _timer?.Dispose();
                    _timer = null;
                }
            }
            """);
        Assert.Contains("set to null in `Dispose`", result.RootCause);
    }

    [Fact]
    public void Apply_SiblingFallbackInsideArithmetic_ParenthesisesTheCoalesce()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Sales/Widths.cs
            namespace Sales;

            public static class Widths
            {
                public static int NameWidth(Order order) => order.Customer?.Name.Length ?? 0;

                public static int LabelWidth(Order order)
                {
                    var width = order.Customer.Name.Length + 2; // <- throws
                    return width;
                }
            }

            public sealed class Order { public Customer Customer { get; set; } }
            public sealed class Customer { public string Name { get; set; } = ""; }
            """, Nre, Message, """
            //- src/Sales/Widths.cs
            namespace Sales;

            public static class Widths
            {
                public static int NameWidth(Order order) => order.Customer?.Name.Length ?? 0;

                public static int LabelWidth(Order order)
                {
                    var width = (order.Customer?.Name.Length ?? 0) + 2;
                    return width;
                }
            }

            public sealed class Order { public Customer Customer { get; set; } }
            public sealed class Customer { public string Name { get; set; } = ""; }
            """);
    }

    [Fact]
    public void Apply_DtoChainWithoutEvidence_DeclinesAsAmbiguous()
    {
        RuleCheck.Declines(Rule, """
            //- src/Sales/Names.cs
            namespace Sales;

            public sealed class Names
            {
                private readonly Repository _repository = new();

                public string CustomerName(int id) => NameOf(_repository.Get(id)); // <- caller 1

                private static string NameOf(Order order)
                {
                    return order.Customer.Name; // <- throws
                }
            }

            public sealed class Repository { public Order Get(int id) => Store.Load(id); }
            public static class Store { public static Order Load(int id) => new(); }
            public sealed class Order { public Customer Customer { get; set; } }
            public sealed class Customer { public string Name { get; set; } = ""; }
            """, Nre, Message, "ambiguous");
    }

    [Fact]
    public void Apply_TryGetValueOutIgnoredInVoidMethodWithoutPrecedent_DeclinesInsteadOfSkipping()
    {
        // Skipping the update silently is one guess among several (create the entry, throw); nothing in the type picks one.
        RuleCheck.Declines(Rule, """
            //- src/Stats/HitCounter.cs
            using System.Collections.Generic;

            namespace Stats;

            public sealed class HitCounter
            {
                private readonly Dictionary<string, Entry> _entries = new();

                public void Touch(string key)
                {
                    _entries.TryGetValue(key, out var entry);
                    entry.Hits++; // <- throws
                }
            }

            public sealed class Entry { public int Hits { get; set; } }
            """, Nre, Message, "cannot be inferred");
    }

    [Fact]
    public void Apply_OutValueUsedOnlyWhenTryGetValueSucceeded_BlamesTheOtherReceiver()
    {
        RuleCheck.Declines(Rule, """
            //- src/Stats/Report.cs
            using System.Collections.Generic;

            namespace Stats;

            public sealed class Report
            {
                private readonly Dictionary<string, Entry> _entries = new();

                public int Hits(string key, Entry fallback)
                {
                    return _entries.TryGetValue(key, out var entry) ? entry.Hits : fallback.Hits; // <- throws
                }
            }

            public sealed class Entry { public int Hits { get; set; } }
            """, Nre, Message, "`fallback` comes from outside the linked frames");
    }

    [Fact]
    public void Apply_ForeachOverNullableCollection_UsesFilesEmptyCollectionIdiom()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Mail/Digest.cs
            #nullable enable
            using System.Collections.Generic;
            using System.Text;

            namespace Mail;

            public sealed class Digest
            {
                public int Count(Thread thread) => (thread.Replies ?? []).Count;

                public string Render(Thread thread)
                {
                    var text = new StringBuilder();
                    foreach (var attachment in thread.Attachments) // <- throws
                    {
                        text.AppendLine(attachment);
                    }

                    return text.ToString();
                }
            }

            public sealed class Thread
            {
                public List<string>? Replies { get; set; }
                public List<string>? Attachments { get; set; }
            }
            """, Nre, Message, """
            //- src/Mail/Digest.cs
            #nullable enable
            using System.Collections.Generic;
            using System.Text;

            namespace Mail;

            public sealed class Digest
            {
                public int Count(Thread thread) => (thread.Replies ?? []).Count;

                public string Render(Thread thread)
                {
                    var text = new StringBuilder();
                    foreach (var attachment in thread.Attachments ?? [])
                    {
                        text.AppendLine(attachment);
                    }

                    return text.ToString();
                }
            }

            public sealed class Thread
            {
                public List<string>? Replies { get; set; }
                public List<string>? Attachments { get; set; }
            }
            """);
    }

    [Fact]
    public void Apply_OrDefaultLocalWithSiblingNullGuard_CopiesSentinelGuardAfterDeclaration()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Shop/Catalog.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Shop;

            public sealed class Catalog
            {
                private readonly List<Product> _products = new();

                public string? LabelOf(string sku)
                {
                    var product = _products.FirstOrDefault(p => p.Sku == sku);
                    if (product == null)
                    {
                        return null;
                    }

                    return product.Label;
                }

                public string? DisplayName(string sku)
                {
                    var product = _products.FirstOrDefault(p => p.Sku == sku);
                    return product.Name.Trim(); // <- throws
                }
            }

            public sealed class Product
            {
                public string Sku { get; set; } = "";
                public string Label { get; set; } = "";
                public string Name { get; set; } = "";
            }
            """, Nre, Message, """
            //- src/Shop/Catalog.cs
            using System.Collections.Generic;
            using System.Linq;

            namespace Shop;

            public sealed class Catalog
            {
                private readonly List<Product> _products = new();

                public string? LabelOf(string sku)
                {
                    var product = _products.FirstOrDefault(p => p.Sku == sku);
                    if (product == null)
                    {
                        return null;
                    }

                    return product.Label;
                }

                public string? DisplayName(string sku)
                {
                    var product = _products.FirstOrDefault(p => p.Sku == sku);
                    if (product == null)
                    {
                        return null;
                    }

                    return product.Name.Trim();
                }
            }

            public sealed class Product
            {
                public string Sku { get; set; } = "";
                public string Label { get; set; } = "";
                public string Name { get; set; } = "";
            }
            """);
    }

    [Fact]
    public void Apply_SiblingGuardsMemberReceiverAndReturnsSameChain_SubstitutesValueInsteadOfReturningEarly()
    {
        var result = RuleCheck.Fixes(Rule, Pricing("""
                    var discount = subtotal * customer.Discount.Rate; // <- throws
            """), Nre, Message, Pricing("""
                    var discount = subtotal * (customer.Discount?.Rate ?? 0m);
            """));

        Assert.Contains("`DiscountRate`", result.Why, StringComparison.Ordinal);
        Assert.Contains(result.Reasons, r => r.Delta < 0 && r.Reason.Contains("single sibling", StringComparison.Ordinal));
        Assert.InRange(result.Confidence, 0, 0.75);
    }

    [Fact]
    public void Apply_SiblingGuardAndSameChainInComparison_SubstitutesValueWithParentheses()
    {
        RuleCheck.Fixes(Rule, Pricing("""
                    var discount = customer.Discount.Rate > 0.2m ? subtotal / 5 : 0m; // <- throws
            """), Nre, Message, Pricing("""
                    var discount = (customer.Discount?.Rate ?? 0m) > 0.2m ? subtotal / 5 : 0m;
            """));
    }

    [Fact]
    public void Apply_SiblingGuardAndSameChainInInterpolation_SubstitutesValueInTheHole()
    {
        RuleCheck.Fixes(Rule, Pricing("""
                    var discount = decimal.Parse($"{customer.Discount.Rate}"); // <- throws
            """), Nre, Message, Pricing("""
                    var discount = decimal.Parse($"{customer.Discount?.Rate ?? 0m}");
            """));
    }

    [Fact]
    public void Apply_SiblingConditionalFallbackBesideForeignGuard_UsesFallbackNotTheGuardsValue()
    {
        RuleCheck.Fixes(Rule, """
            //- src/Sales/Shipping.cs
            namespace Sales;

            public sealed class Shipping
            {
                public decimal Fee(Order order) => order.Carrier?.Fee ?? 4.95m;

                public string CarrierName(Order order)
                {
                    if (order.Carrier == null)
                    {
                        return "pickup";
                    }

                    return order.Carrier.Name;
                }

                public decimal Total(Order order)
                {
                    return order.Subtotal + order.Carrier.Fee; // <- throws
                }
            }

            public sealed class Order { public decimal Subtotal { get; set; } public Carrier Carrier { get; set; } }
            public sealed class Carrier { public string Name { get; set; } = ""; public decimal Fee { get; set; } }
            """, Nre, Message, """
            //- src/Sales/Shipping.cs
            namespace Sales;

            public sealed class Shipping
            {
                public decimal Fee(Order order) => order.Carrier?.Fee ?? 4.95m;

                public string CarrierName(Order order)
                {
                    if (order.Carrier == null)
                    {
                        return "pickup";
                    }

                    return order.Carrier.Name;
                }

                public decimal Total(Order order)
                {
                    return order.Subtotal + (order.Carrier?.Fee ?? 4.95m);
                }
            }

            public sealed class Order { public decimal Subtotal { get; set; } public Carrier Carrier { get; set; } }
            public sealed class Carrier { public string Name { get; set; } = ""; public decimal Fee { get; set; } }
            """);
    }

    [Fact]
    public void Apply_SiblingReturnsZeroForAnotherMember_DeclinesInsteadOfCopyingTheNumber()
    {
        RuleCheck.Declines(Rule, """
            //- src/Bank/Accounts.cs
            namespace Bank;

            public sealed class Accounts
            {
                private readonly Directory _directory = new();

                public decimal LoyaltyPoints(string id)
                {
                    var customer = _directory.Get(id);
                    if (customer.Account == null)
                    {
                        return 0m;
                    }

                    return customer.Account.Points * 1.5m;
                }

                public decimal Balance(string id, decimal fee)
                {
                    var customer = _directory.Get(id);
                    return customer.Account.Balance - fee; // <- throws
                }
            }

            public sealed class Directory { public Customer Get(string id) => new(); }
            public sealed class Customer { public Account? Account { get; set; } }
            public sealed class Account { public decimal Points { get; set; } public decimal Balance { get; set; } }
            """, Nre, Message, "the fallback `0m` is what `LoyaltyPoints` returns");
    }

    [Fact]
    public void Apply_SiblingReturnsLabelString_DeclinesInsteadOfCopyingTheLabel()
    {
        RuleCheck.Declines(Rule, """
            //- src/Orders/Receipts.cs
            namespace Orders;

            public sealed class Receipts
            {
                private readonly CustomerDirectory _customers = new();

                public string DiscountLabel(string customerId)
                {
                    var customer = _customers.Get(customerId);
                    if (customer.Discount == null)
                    {
                        return "list price";
                    }

                    return $"{customer.Discount.Code}, {customer.Discount.Rate * 100:0}% off";
                }

                public string Footer(string customerId)
                {
                    var customer = _customers.Get(customerId);
                    return "Code: " + customer.Discount.Code; // <- throws
                }
            }

            public sealed class CustomerDirectory { public Customer Get(string id) => new(); }
            public sealed class Customer { public Discount? Discount { get; set; } }
            public sealed class Discount { public string Code { get; set; } = ""; public decimal Rate { get; set; } }
            """, Nre, Message, "the fallback `\"list price\"` is what `DiscountLabel` returns when `customer.Discount` is null, not what `Footer` returns");
    }

    /// <summary>The demo's pricing service, with <paramref name="line"/> as the statement that computes the discount in <c>Total</c>.</summary>
    private static string Pricing(string line) => """
        //- src/Orders/PricingService.cs
        using System;
        using System.Linq;

        namespace Orders;

        public sealed class PricingService
        {
            private readonly CustomerDirectory _customers = new();

            public decimal Subtotal(Order order)
            {
                return order.Lines.Sum(line => line.UnitPrice * line.Quantity);
            }

            public decimal DiscountRate(string customerId)
            {
                var customer = _customers.Get(customerId);
                if (customer.Discount == null)
                {
                    return 0m;
                }

                return customer.Discount.Rate;
            }

            public string DiscountLabel(string customerId)
            {
                var customer = _customers.Get(customerId);
                if (customer.Discount == null)
                {
                    return "list price";
                }

                return $"{customer.Discount.Code}, {customer.Discount.Rate * 100:0}% off";
            }

            public decimal Total(Order order)
            {
                var customer = _customers.Get(order.CustomerId);
                var subtotal = Subtotal(order);

        """ + line.TrimEnd() + """

                return Math.Round(subtotal - discount, 2);
            }
        }

        public sealed class CustomerDirectory { public Customer Get(string id) => new(); }
        public sealed class Customer { public Discount? Discount { get; set; } }
        public sealed class Discount { public string Code { get; set; } = ""; public decimal Rate { get; set; } }
        public sealed class Order { public string CustomerId { get; set; } = ""; public OrderLine[] Lines { get; set; } = []; }
        public sealed class OrderLine { public decimal UnitPrice { get; set; } public int Quantity { get; set; } }
        """;
}
