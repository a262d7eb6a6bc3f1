// One request/response exchange on a request thread, with Poco's HTTP message classes. The
// front (front.hpp) calls it once the connection's whole request head has arrived; the
// connection then goes back to the front (keep-alive) or is closed there.
#pragma once
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/StreamSocket.h>

namespace cqc::search::http {

// Reads one request from SOCKET (blocking, with PARAMS' timeout per read and write), runs the
// handler FACTORY makes for it and sends its response. LAST says this is the connection's
// last request (the response then says "Connection: close"). A malformed head answers 400
// JSON. Returns true when the connection may carry another request: both sides asked for
// keep-alive, the request had no body, the client sent nothing beyond it (no pipelining:
// those bytes would be lost) and nothing failed. Never closes SOCKET (the caller owns it) and
// never throws.
bool serve_exchange(Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                    Poco::Net::HTTPRequestHandlerFactory& factory, bool last);

}  // namespace cqc::search::http
