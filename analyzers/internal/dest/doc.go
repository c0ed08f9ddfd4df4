// Package dest finds where an outbound call sends its data: the scheme
// and host of its destination, and the TLS settings of the client,
// transport or configuration it goes through. It reads the SSA form of
// the calling function, and of its package for package-level variables;
// it resolves what the code states and says so when it cannot
// (Destination.Why), rather than guess.
//
// # Outbound calls
//
// OfCall knows net/http.Get, Head, Post and PostForm (which use
// http.DefaultClient); (*http.Client).Get, Head, Post, PostForm and Do;
// (*http.Transport).RoundTrip and http.RoundTripper.RoundTrip;
// net/smtp.SendMail and smtp.Dial (scheme "smtp"); net.Dial,
// net.DialTimeout, (*net.Dialer).Dial and DialContext (the scheme is the
// network, "tcp" or "udp", when it is a constant); crypto/tls.Dial,
// DialWithDialer, (*tls.Dialer).Dial and DialContext (scheme "tls"); and
// writes to a connection ((net.Conn).Write, (*net.TCPConn).Write,
// (*net.UDPConn).Write and WriteTo, (*tls.Conn).Write), whose peer is
// the address it was dialled with, through tls.Client too.
//
// # How a destination is resolved
//
// A URL is followed as text with holes, the parts computed at run time:
//
//   - string constants, package-level constants, and concatenation;
//   - fmt.Sprintf with a constant format: %s, %v and %d operands are
//     followed like any other value, other verbs are holes;
//     strconv.Itoa, FormatInt and FormatUint of a constant;
//   - package-level variables: every value the package stores into them
//     (the initialiser in init, and any later assignment); one whose
//     address is handed to a call (flag.StringVar(&base, ...)) is also
//     "set by" that call; os.Getenv and flag values are named as such;
//   - local variables, captured variables (through the closure's
//     bindings), and fields of structs allocated in the function (a
//     composite literal or field assignments, also through a copy);
//   - phi nodes: each incoming value is an alternative; a value extended
//     around a loop (u += "&q=" + v) is its first value followed by a
//     hole;
//   - the results of functions of the same package, up to 3 calls deep,
//     without their arguments (a parameter of the callee is a hole);
//   - url.Parse and url.ParseRequestURI, (*url.URL).String and Redacted,
//     &url.URL{Scheme: ..., Host: ..., Path: ...} and url.URL variables
//     assigned field by field, u.Scheme or u.Host assigned after
//     parsing, (*url.URL).JoinPath, url.JoinPath, ResolveReference and
//     (*url.URL).Parse (an absolute reference replaces the base, a
//     relative one keeps its host);
//   - requests from http.NewRequest and NewRequestWithContext, a
//     &http.Request{URL: u} literal, req.WithContext and req.Clone, with
//     req.URL (and req.URL.Host, req.URL.Scheme) assigned afterwards;
//     req.URL read back is the request's URL.
//
// The host is what follows "://" up to '/', '?', '#' or the end, less
// user information ("user:pw@") and port, in lower case. A value
// computed at run time that follows the constant host, directly or after
// its ':', is taken to begin the port, the path or the query, so
// base + path and "https://h:" + port keep the host known. A host is
// unknown when a computed value stands before or inside it
// (fmt.Sprintf("https://%s/v1", host), "https://api." + region +
// ".example"), when an integer directly follows it ("https://node" + n),
// when no scheme is found, or when the alternatives name several hosts
// ("one of several hosts (a.example, b.example)"). When the alternatives
// share the host but not the scheme, Scheme is "http" if one of them is,
// else "".
//
// Why names the origin of the first value that could not be resolved:
// "URL from parameter u", "host from field Config.Host", "URL from the
// environment", "URL from a command-line flag", "URL returned by
// config.Load", "URL set by json.Unmarshal", "URL changed in a loop".
//
// # The process's own test servers
//
// The URL field of a net/http/httptest Server (ts.URL, whatever the
// *httptest.Server comes from: a local variable, a parameter, a field, a
// captured variable) is the address of a server in the process itself.
// A URL that is ts.URL, or ts.URL followed by a path, a query or a
// fragment (ts.URL + "/login", url.Parse(ts.URL) and JoinPath,
// fmt.Sprintf("%s/users/%d", ts.URL, id), a request made from one of
// those), resolves to TestServer: Known, with neither scheme nor host.
// Text that goes on with the host (ts.URL + "evil.example/") makes the
// host unknown, and alternatives of which one is a test server and
// another is not are "one of several hosts (a test server, ...)".
// Loopback hosts written in the code (localhost, 127.0.0.1) are hosts
// like any other: a local agent may forward what it receives.
//
// A request through the client of a test server
// ((*httptest.Server).Client(), also kept in a variable) goes to that
// server when its URL cannot be resolved (one the server handed out: a
// redirect, a link in a response) or its host is example.com or one of
// its subdomains, which that client sends to its server. A URL whose host
// is known otherwise goes to that host.
//
// # Destinations given by a parameter
//
// When the URL of a send is a parameter of the sending function, or
// begins with one (base + "/v1", fmt.Sprintf("%s/u/%s", base, id), a
// *url.URL parameter, a request parameter whose URL and host the
// function leaves alone), the destination is unknown and Param names
// that parameter, with the constant text the function puts after it.
// Substitute resolves such a destination for a call: what the caller
// passes there is followed as above, and the rest of the callee's URL
// put after it; when that is a parameter of the caller in turn, the
// result names it. The flow engine does so at every call of a
// summarised function, across packages: a helper that posts to
// base + path is resolved at each call, with the base its caller gives
// (a constant, a test server's URL). The client of a test server counts
// in the callee as above, once the caller's URL is known.
//
// # TLS settings
//
// Insecure is set when a tls.Config with InsecureSkipVerify set to the
// constant true is used, and MinTLS is the lowest MinVersion set to a
// constant (0 when none is: Go's default, TLS 1.2 for clients). The
// configuration is followed from an http.Client's Transport (an
// *http.Transport literal or variable, http.DefaultTransport's Clone, a
// type assertion of it) to its TLSClientConfig, assigned in the literal
// or afterwards (tr.TLSClientConfig.InsecureSkipVerify = true), and from
// the config argument of tls.Dial, DialWithDialer and tls.Client, or a
// tls.Dialer's Config. A client without a Transport, http.DefaultClient,
// and the package-level net/http helpers use the settings that the
// calling package gives http.DefaultTransport or http.DefaultClient
// anywhere in its code (http.DefaultTransport.(*http.Transport).
// TLSClientConfig = ... in main or init).
//
// # What is not resolved
//
//   - Values that come from parameters (but for the URL or request of
//     the send, resolved at each call as above, and only when the
//     parameter begins it: "https://" + host is not), fields of structs
//     the function did not allocate, maps, slices, channels, interface
//     method calls, function values, functions and package-level
//     variables of other packages, and the callee's own parameters: the
//     destination is unknown, with its origin in Why.
//   - A client that comes from a parameter, a field or another package
//     is not known to be a test server's client; nor is a test server's
//     address given to net.Dial (ts.Listener.Addr()).
//   - Writes made through a pointer by a called function (other than
//     json.Unmarshal-style calls that receive the variable itself, which
//     make it "set by" them), and values stored through pointers loaded
//     from elsewhere.
//   - strings.Builder, bytes.Buffer, strings.Join, path.Join and other
//     string functions: their result is a hole.
//   - The Host header and req.Host, proxies (HTTP_PROXY, Transport.Proxy),
//     DNS, and redirects: the destination is the URL's host.
//   - Custom http.RoundTripper wrappers (otelhttp, oauth2): their
//     settings are not inspected. InsecureSkipVerify set to a value that
//     is not a constant is not reported; VerifyPeerCertificate and
//     custom RootCAs are not looked at.
//   - Changes to http.DefaultTransport made by another package.
//   - SDK clients (a mailer's Go package) are matched by package through
//     the policy's recipients, not here.
//
// # Bounds
//
// A value has at most 8 alternatives (more are one unknown value),
// nesting is followed 48 levels deep and function bodies 3 calls deep.
// Package-level variable uses are indexed once per package, for the 8
// packages most recently asked about.
package dest
