using static Heal.Core.Tests.Parsing.TraceCheck;

namespace Heal.Core.Tests.Parsing;

public sealed class StackTraceTextTests
{
    [Fact]
    public void FromStackTraceText_DotnetWithInnerException_ChainInnermostFirst() => Parses("""
        Unhandled exception. System.InvalidOperationException: Could not load order 42
         ---> System.NullReferenceException: Object reference not set to an instance of an object.
           at Demo.Orders.OrderService.<LoadAsync>d__5.MoveNext() in /src/Demo/Orders/OrderService.cs:line 41
        --- End of stack trace from previous location ---
           at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()
           at Demo.Orders.OrderService.<>c__DisplayClass3_0.<Load>b__0(Int32 id) in /src/Demo/Orders/OrderService.cs:line 22
           --- End of inner exception stack trace ---
           at Demo.Program.<Main>g__Run|0_0(String[] args) in C:\src\Demo\Program.cs:line 12
           at Demo.Program.Main(String[] args)
           at System.Collections.Generic.List`1.ForEach(Action`1 action)
           at Demo.Repo`1..ctor(IDb db) in /src/Demo/Repo.cs:line 9
        """, """
        csharp
        System.NullReferenceException: Object reference not set to an instance of an object.
          Demo.Orders.OrderService.<>c__DisplayClass3_0 | <Load>b__0(Int32 id) | /src/Demo/Orders/OrderService.cs | 22: | ?
          System.Runtime.ExceptionServices.ExceptionDispatchInfo | Throw() |  | : | lib
          Demo.Orders.OrderService.<LoadAsync>d__5 | MoveNext() | /src/Demo/Orders/OrderService.cs | 41: | ?
        System.InvalidOperationException: Could not load order 42
          Demo.Repo`1 | .ctor(IDb db) | /src/Demo/Repo.cs | 9: | ?
          System.Collections.Generic.List`1 | ForEach(Action`1 action) |  | : | lib
          Demo.Program | Main(String[] args) |  | : | ?
          Demo.Program | <Main>g__Run|0_0(String[] args) | C:\src\Demo\Program.cs | 12: | ?
        """);

    [Fact]
    public void FromStackTraceText_DotnetMultiLineMessage_KeepsMessage() => Parses("""
        System.ArgumentException: Value does not fall within the expected range.
        Parameter name: id
           at Demo.Api.Get(String id) in /src/Api.cs:line 7
        """, """
        csharp
        System.ArgumentException: Value does not fall within the expected range.
        Parameter name: id
          Demo.Api | Get(String id) | /src/Api.cs | 7: | ?
        """);

    [Fact]
    public void FromStackTraceText_DotnetFromLogLineAndDemystified_Reads() => Parses("""
        2026-11-28 02:10:03.512 [ERR] Request failed System.Collections.Generic.KeyNotFoundException: The given key 'sku' was not present in the dictionary.
           at TValue System.Collections.Generic.Dictionary<TKey, TValue>.get_Item(TKey key)
           at async Task<decimal> Demo.Pricing.PriceAsync(string sku) in /src/Demo/Pricing.cs:line 18
           at void Demo.Program.Main(string[] args)+(int x) => { } in /src/Demo/Program.cs:line 9
        """, """
        csharp
        System.Collections.Generic.KeyNotFoundException: The given key 'sku' was not present in the dictionary.
          Demo.Program | Main(string[] args)+(int x) => { } | /src/Demo/Program.cs | 9: | ?
          Demo.Pricing | PriceAsync(string sku) | /src/Demo/Pricing.cs | 18: | ?
          System.Collections.Generic.Dictionary<TKey, TValue> | get_Item(TKey key) |  | : | lib
        """);

    [Fact]
    public void FromStackTraceText_NodeWithCodeFrameAndAsync_ReadsFrames() => Parses("""
        /app/src/greeting.js:4
          return `Hello, ${user.profile.name}!`;
                                       ^

        TypeError: Cannot read properties of undefined (reading 'name')
            at greeting (/app/src/greeting.js:4:27)
            at async showUser (/app/src/routes/users.js:18:22)
            at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)
            at /app/src/index.js:1:2
            at async Promise.all (index 0)
            at new Store (file:///app/src/store.mjs:3:11)
            at node:internal/main/run_main_module:28:49

        Node.js v20.19.2
        """, """
        node
        TypeError: Cannot read properties of undefined (reading 'name')
           |  | node:internal/main/run_main_module | 28:49 | lib
           | new Store | /app/src/store.mjs | 3:11 | ?
           | Promise.all |  | : | ?
           |  | /app/src/index.js | 1:2 | ?
           | Layer.handle [as handle_request] | /app/node_modules/express/lib/router/layer.js | 95:5 | lib
           | showUser | /app/src/routes/users.js | 18:22 | ?
           | greeting | /app/src/greeting.js | 4:27 | ?
        """);

    [Fact]
    public void FromStackTraceText_NodeWithCause_CauseFirst() => Parses("""
        Error: checkout failed
            at checkout (/app/src/cart.js:30:11)
            at main (/app/src/index.js:5:3) {
          [cause]: RangeError: quantity must be positive
              at validate (/app/src/cart.js:12:9)
              at checkout (/app/src/cart.js:28:5)
        }
        """, """
        node
        RangeError: quantity must be positive
           | checkout | /app/src/cart.js | 28:5 | ?
           | validate | /app/src/cart.js | 12:9 | ?
        Error: checkout failed
           | main | /app/src/index.js | 5:3 | ?
           | checkout | /app/src/cart.js | 30:11 | ?
        """);

    [Fact]
    public void FromStackTraceText_PythonChained_CauseFirstWithCode() => Parses("""
        Traceback (most recent call last):
          File "/srv/shop/shop/pricing.py", line 5, in price
            return PRICES[item["sku"]] * item["qty"]
                   ~~~~~~^^^^^^^^^^^^^
        KeyError: 'sku'

        During handling of the above exception, another exception occurred:

        Traceback (most recent call last):
          File "/srv/shop/app.py", line 26, in <module>
            raise ValueError("order 7 could not be priced") from e
          File "/usr/lib/python3.13/site-packages/requests/api.py", line 73, in get
            return request("get", url, params=params, **kwargs)
        ValueError: order 7 could not be priced
        """, """
        python
        KeyError: 'sku'
           | price | /srv/shop/shop/pricing.py | 5: | ? | return PRICES[item["sku"]] * item["qty"]
        ValueError: order 7 could not be priced
           | <module> | /srv/shop/app.py | 26: | ? | raise ValueError("order 7 could not be priced") from e
           | get | /usr/lib/python3.13/site-packages/requests/api.py | 73: | lib | return request("get", url, params=params, **kwargs)
        """);

    [Fact]
    public void FromStackTraceText_PythonDirectCauseWithoutMessage_Reads() => Parses("""
        Traceback (most recent call last):
          File "app.py", line 3, in <module>
        StopIteration

        The above exception was the direct cause of the following exception:

        Traceback (most recent call last):
          File "app.py", line 5, in <module>
        RuntimeError: generator raised StopIteration
        """, """
        python
        StopIteration: 
           | <module> | app.py | 3: | ?
        RuntimeError: generator raised StopIteration
           | <module> | app.py | 5: | ?
        """);

    [Fact]
    public void FromStackTraceText_JavaWithCausedByAndMore_RebuildsSharedFrames() => Parses("""
        Exception in thread "main" java.lang.IllegalStateException: cart is broken
        	at com.shop.Cart.total(Cart.java:10)
        	at com.shop.Main.main(Main.java:5)
        Caused by: java.lang.NullPointerException: Cannot invoke "String.length()" because "s" is null
        	at com.shop.Cart.lambda$total$0(Cart.java:20)
        	at java.base/java.util.ArrayList.forEach(ArrayList.java:1596)
        	at com.shop.Cart.total(Cart.java:9)
        	... 1 more
        """, """
        java
        java.lang.NullPointerException: Cannot invoke "String.length()" because "s" is null
          com.shop.Main | main | Main.java | 5: | ?
          com.shop.Cart | total | Cart.java | 9: | ?
          java.util.ArrayList | forEach | ArrayList.java | 1596: | lib
          com.shop.Cart | lambda$total$0 | Cart.java | 20: | ?
        java.lang.IllegalStateException: cart is broken
          com.shop.Main | main | Main.java | 5: | ?
          com.shop.Cart | total | Cart.java | 10: | ?
        """);

    [Fact]
    public void FromStackTraceText_GoPanic_ReadsFirstGoroutine() => Parses("""
        panic: runtime error: invalid memory address or nil pointer dereference
        [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x47e2c5]

        goroutine 1 [running]:
        main.(*Store).Get(...)
        	/app/store.go:18
        github.com/acme/inventory/handlers.List(0x0, 0xc000012345)
        	/app/handlers/list.go:12 +0x1d
        main.main()
        	/app/main.go:30 +0x25

        goroutine 6 [chan receive]:
        main.worker()
        	/app/worker.go:9 +0x11
        exit status 2
        """, """
        go
        runtime.Error: runtime error: invalid memory address or nil pointer dereference
          main | main | /app/main.go | 30: | ?
          github.com/acme/inventory/handlers | List | /app/handlers/list.go | 12: | ?
          main | (*Store).Get | /app/store.go | 18: | ?
        """);

    [Fact]
    public void FromStackTraceText_GoRuntimeFrames_AreNotInApp() => Parses("""
        panic: boom

        goroutine 1 [running]:
        runtime/debug.Stack()
        	/usr/local/go/src/runtime/debug/stack.go:24 +0x5e
        main.main.func1()
        	/app/main.go:8 +0x1a
        """, """
        go
        panic: boom
          main | main.func1 | /app/main.go | 8: | ?
          runtime/debug | Stack | /usr/local/go/src/runtime/debug/stack.go | 24: | lib
        """);

    [Theory]
    [InlineData('\'', '\'')]
    [InlineData('`', '\'')]
    public void FromStackTraceText_RubyEitherQuoteStyle_Reads(char open, char close) => Parses($"""
        /app/report.rb:9:in {open}Integer#/{close}: divided by 0 (ZeroDivisionError)
        	from /app/report.rb:9:in {open}average{close}
        	from /usr/lib/ruby/gems/3.3.0/gems/rack-3.0.8/lib/rack/builder.rb:2:in {open}call{close}
        	from /app/report.rb:14:in {open}<main>{close}
        """, """
        ruby
        ZeroDivisionError: divided by 0
           | <main> | /app/report.rb | 14: | ?
           | call | /usr/lib/ruby/gems/3.3.0/gems/rack-3.0.8/lib/rack/builder.rb | 2: | lib
           | average | /app/report.rb | 9: | ?
           | Integer#/ | /app/report.rb | 9: | ?
        """);

    [Fact]
    public void FromStackTraceText_RubyReversedTraceback_Reads() => Parses("""
        Traceback (most recent call last):
        	2: from /app/main.rb:5:in `<main>'
        	1: from /app/main.rb:3:in `run'
        /app/lib/worker.rb:7:in `perform': undefined method `name' for nil:NilClass (NoMethodError)
        """, """
        ruby
        NoMethodError: undefined method `name' for nil:NilClass
           | <main> | /app/main.rb | 5: | ?
           | run | /app/main.rb | 3: | ?
           | perform | /app/lib/worker.rb | 7: | ?
        """);

    [Theory]
    [InlineData("")]
    [InlineData("hello world\nthis is not a trace")]
    [InlineData("{\"event_id\": 1}")]
    public void FromStackTraceText_Garbage_Fails(string text) => Fails(text, "No stack trace was recognised");

    [Fact]
    public void FromStackTraceText_TenThousandFrames_KeepsBothEnds()
    {
        var text = "System.Exception: deep\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"   at Demo.T.M{i}()\n"));
        var result = Heal.Core.Model.ErrorEvent.FromStackTraceText(text);
        var frames = result.Value!.Exceptions[0].Frames;
        Assert.Equal(260, frames.Length);
        Assert.Equal("M9999()", frames[0].Function);
        Assert.Equal("M0()", frames[^1].Function);
        Assert.Contains(result.Problems, p => p.Message.Contains("9740 were dropped", StringComparison.Ordinal));
    }
}
