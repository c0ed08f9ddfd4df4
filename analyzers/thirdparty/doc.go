// Package thirdparty defines an Analyzer that holds data sent outside the
// process to the statement's promises about third parties.
//
// # Analyzer thirdparty
//
// thirdparty: report personal data sent to undeclared parties, beyond a recipient's entry, or under a forbidden purpose (PV201, PV202, PV203)
//
// The kaseya-2016 statement: "We will not share your personal information
// with third parties ... except as described in this Privacy Statement.
// We will not sell, rent, or lease your personal information to third
// parties." Service providers "will be permitted to obtain only the
// information they need to deliver the service". The policy lists the
// described parties under recipients, each with the categories and
// purposes it may receive.
//
// # PV201: personal data to an undeclared outside party
//
// Reported when personal data reaches an outbound sink whose recipient is
// not declared: an HTTP request (net/http's Get, Post, PostForm, Head,
// Client methods, Client.Do and Transport.RoundTrip with a request built
// by http.NewRequest), net/smtp.SendMail, a write to a raw connection, a
// //privacy:sink thirdparty function without a recipient. The recipient is
// the one a //privacy:sink thirdparty RECIPIENT directive or the policy's
// sink entry names, or the recipient whose packages hold the SDK function
// called, or the recipient whose hosts match the destination's host. The
// host is read from the destination when the code lets it be known: a
// string constant, a constant prefix of a concatenation or of a
// fmt.Sprintf format, url.Parse of a constant, a url.URL literal, a
// request made from one of those. When the host cannot be known the
// message says why (a URL from a parameter, from the environment, from
// configuration) rather than guessing. When a helper sends to a URL it
// is given (post(base+"/v1", ...)), the destination is resolved at each
// call of the helper from what the call passes, across packages.
//
// Sends to the process's own net/http/httptest server are not reported:
// a URL built from the server's URL field (ts.URL + "/login", a request
// made from it), or a request through the server's Client whose URL is
// computed at run time, reaches no outside party. So a test that posts a
// fixture user to its test server, itself or through a helper that takes
// the server (or its URL) as a parameter, is not reported; the same test
// sending to any other host is.
//
// In a test (a _test.go file), a send whose destination is computed at
// run time and cannot be known from the code is not reported either: a
// URL taken from a server's answer, from a message the application under
// test wrote, from the test's environment. Tests talk to what they set
// up, and their data are fixtures. A test's send to a constant host that
// no recipient declares is reported, and so is one that may go to such a
// host ("one of several hosts"); outside tests, an unknown destination is
// always reported.
//
// # PV202: a declared recipient receives more than its entry allows
//
// Reported when a declared recipient receives a category that none of
// its categories covers, or the send serves a purpose its entry does not
// list. The purpose of a send is the //privacy:purpose of the function
// that sends (or of a caller that hands the data on), else the
// recipient's single purpose.
//
// # PV203: personal data under a forbidden purpose
//
// Reported when personal data reaches any sink under a purpose the policy
// marks forbidden (kaseya-2016: third_party_sharing.sale).
//
//	//privacy:purpose third_party_sharing.sale
//	func exportLeads(users []User) { partner.Upload(users) } // PV203
package thirdparty
