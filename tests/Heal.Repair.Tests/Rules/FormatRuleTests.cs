using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

public sealed class FormatRuleTests
{
    private const string Type = "System.FormatException";

    private static readonly FormatRule Rule = new();

    private static void Fixes(string before, string after) =>
        RuleCheck.Fixes(Rule, before, Type, "The input string 'abc' was not in a correct format.", after);

    private static void Declines(string before, string reason) =>
        RuleCheck.Declines(Rule, before, Type, "The input string 'abc' was not in a correct format.", reason);

    [Fact]
    public void Apply_ParseAfterValidationResultGuard_ReturnsValidationResultAndKeepsCulture() => Fixes(
        """
        //- src/Orders/OrderForm.cs
        using System.Globalization;

        namespace Orders;

        public sealed class OrderForm
        {
            public Result Submit(string sku, string quantityText)
            {
                if (string.IsNullOrWhiteSpace(sku))
                {
                    return Result.Fail("Sku is required.");
                }

                var quantity = int.Parse(quantityText, CultureInfo.InvariantCulture); // <- throws
                return Result.Ok(sku, quantity);
            }
        }

        public sealed record Result(bool Succeeded, string? Error)
        {
            public static Result Fail(string error) => new(false, error);

            public static Result Ok(string sku, int quantity) => new(true, null);
        }
        """,
        """
        //- src/Orders/OrderForm.cs
        using System.Globalization;

        namespace Orders;

        public sealed class OrderForm
        {
            public Result Submit(string sku, string quantityText)
            {
                if (string.IsNullOrWhiteSpace(sku))
                {
                    return Result.Fail("Sku is required.");
                }

                if (!int.TryParse(quantityText, CultureInfo.InvariantCulture, out var quantity))
                {
                    return Result.Fail("Quantity must be a whole number.");
                }
                return Result.Ok(sku, quantity);
            }
        }

        public sealed record Result(bool Succeeded, string? Error)
        {
            public static Result Fail(string error) => new(false, error);

            public static Result Ok(string sku, int quantity) => new(true, null);
        }
        """);

    [Fact]
    public void Apply_LoopAlreadySkipsMalformedRows_SkipsAndKeepsNumberStyles() => Fixes(
        """
        //- src/Import/PaymentImporter.cs
        using System.Collections.Generic;
        using System.Globalization;

        namespace Import;

        public static class PaymentImporter
        {
            public static List<Payment> Read(IEnumerable<string> lines)
            {
                var payments = new List<Payment>();
                foreach (var line in lines)
                {
                    var parts = line.Split(',');
                    if (parts.Length < 2)
                    {
                        continue;
                    }

                    var amount = decimal.Parse(parts[1], NumberStyles.Currency, CultureInfo.InvariantCulture); // <- throws
                    payments.Add(new Payment(parts[0], amount));
                }

                return payments;
            }
        }

        public sealed record Payment(string Payer, decimal Amount);
        """,
        """
        //- src/Import/PaymentImporter.cs
        using System.Collections.Generic;
        using System.Globalization;

        namespace Import;

        public static class PaymentImporter
        {
            public static List<Payment> Read(IEnumerable<string> lines)
            {
                var payments = new List<Payment>();
                foreach (var line in lines)
                {
                    var parts = line.Split(',');
                    if (parts.Length < 2)
                    {
                        continue;
                    }

                    if (!decimal.TryParse(parts[1], NumberStyles.Currency, CultureInfo.InvariantCulture, out var amount))
                    {
                        continue;
                    }
                    payments.Add(new Payment(parts[0], amount));
                }

                return payments;
            }
        }

        public sealed record Payment(string Payer, decimal Amount);
        """);

    [Fact]
    public void Apply_TryMethodAssignsOutParameterWithConvert_ReturnsFalse() => Fixes(
        """
        //- src/Hosting/Startup.cs
        namespace Hosting;

        public static class Startup
        {
            public static int Port(string? configured) => Settings.TryReadPort(configured, out var port) ? port : 8080; // <- caller 1
        }
        //- src/Hosting/Settings.cs
        using System;

        namespace Hosting;

        public static class Settings
        {
            public static bool TryReadPort(string? text, out int port)
            {
                port = 0;
                if (string.IsNullOrEmpty(text))
                {
                    return false;
                }

                port = Convert.ToInt32(text); // <- throws
                return true;
            }
        }
        """,
        """
        //- src/Hosting/Settings.cs
        using System;

        namespace Hosting;

        public static class Settings
        {
            public static bool TryReadPort(string? text, out int port)
            {
                port = 0;
                if (string.IsNullOrEmpty(text))
                {
                    return false;
                }

                if (!int.TryParse(text, out port))
                {
                    return false;
                }
                return true;
            }
        }
        """);

    [Fact]
    public void Apply_EnumParsedInsideExpression_HoistsAndThrowsTheDomainException() => Fixes(
        """
        //- src/Support/TicketService.cs
        using System;

        namespace Support;

        public sealed class TicketService
        {
            public Ticket Open(string title, string priorityName)
            {
                if (title.Length > 200)
                {
                    throw new ValidationException("Title is too long.");
                }

                return new Ticket(title, Enum.Parse<Priority>(priorityName)); // <- throws
            }
        }

        public enum Priority
        {
            Low,
            High,
        }

        public sealed record Ticket(string Title, Priority Priority);

        public sealed class ValidationException(string message) : Exception(message);
        """,
        """
        //- src/Support/TicketService.cs
        using System;

        namespace Support;

        public sealed class TicketService
        {
            public Ticket Open(string title, string priorityName)
            {
                if (title.Length > 200)
                {
                    throw new ValidationException("Title is too long.");
                }

                if (!Enum.TryParse<Priority>(priorityName, out var priority))
                {
                    throw new ValidationException("Priority must be a known Priority value.");
                }
                return new Ticket(title, priority);
            }
        }

        public enum Priority
        {
            Low,
            High,
        }

        public sealed record Ticket(string Title, Priority Priority);

        public sealed class ValidationException(string message) : Exception(message);
        """);

    [Fact]
    public void Apply_FileUsesEndOfLineBracesAndExplicitTypes_FollowsTheFile() => Fixes(
        """
        //- src/Reports/Query.cs
        using System;

        namespace Reports {
          public static class Query {
            public static DateTime? Since(string text) {
              if (string.IsNullOrEmpty(text)) {
                return null;
              }
              DateTime since = DateTime.Parse(text); // <- throws
              return since.ToUniversalTime();
            }
          }
        }
        """,
        """
        //- src/Reports/Query.cs
        using System;

        namespace Reports {
          public static class Query {
            public static DateTime? Since(string text) {
              if (string.IsNullOrEmpty(text)) {
                return null;
              }
              if (!DateTime.TryParse(text, out DateTime since)) {
                return null;
              }
              return since.ToUniversalTime();
            }
          }
        }
        """);

    [Fact]
    public void Apply_NoInvalidInputPathInMethod_Declines() => Declines(
        """
        //- src/Pricing/Tax.cs
        namespace Pricing;

        public static class Tax
        {
            public static decimal Rate(string configured)
            {
                var percent = decimal.Parse(configured); // <- throws
                return percent / 100m;
            }
        }
        """,
        "no existing path");

    [Fact]
    public void Apply_MethodRejectsInputInTwoWays_Declines() => Declines(
        """
        //- src/Accounts/Signup.cs
        using System;

        namespace Accounts;

        public sealed class Signup
        {
            public Account? Register(string? email, string ageText)
            {
                if (email is null)
                {
                    return null;
                }

                if (email.Length > 100)
                {
                    throw new ArgumentException("Email is too long.");
                }

                var age = int.Parse(ageText); // <- throws
                return new Account(email, age);
            }
        }

        public sealed record Account(string Email, int Age);
        """,
        "more than one way");

    [Fact]
    public void Apply_ExitDescribesAnotherInput_Declines() => Declines(
        """
        //- src/Shipping/Labels.cs
        namespace Shipping;

        public sealed class Labels
        {
            public string Print(string name, string weightText)
            {
                if (name.Length > 40)
                {
                    return Errors.TooLong(name);
                }

                var weight = double.Parse(weightText); // <- throws
                return $"{name}: {weight} kg";
            }
        }

        public static class Errors
        {
            public static string TooLong(string value) => value;
        }
        """,
        "cannot be adapted");

    [Fact]
    public void Apply_FormatExceptionFromStringFormat_Declines() => Declines(
        """
        //- src/Mail/Template.cs
        namespace Mail;

        public static class Template
        {
            public static string Render(string pattern, string name)
            {
                if (string.IsNullOrEmpty(pattern))
                {
                    return "";
                }

                return string.Format(pattern, name); // <- throws
            }
        }
        """,
        "no parse");
}
