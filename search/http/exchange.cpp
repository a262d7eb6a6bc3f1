#include "search/http/exchange.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>

#include <iostream>
#include <memory>

#include "search/http/router.hpp"

namespace cqc::search::http {
namespace {

// Poco's server session, with the count of bytes read past the request made visible.
class Session : public Poco::Net::HTTPServerSession {
 public:
  using HTTPServerSession::HTTPServerSession;
  using HTTPServerSession::buffered;
};

// Takes the socket back from SESSION before it is destroyed: Poco's session closes its
// socket when it dies, and the front, not this thread, decides when a connection closes
// (closing here would let the kernel reuse the descriptor under the front's feet).
struct DetachOnExit {
  Session& session;
  ~DetachOnExit() {
    try {
      session.detachSocket();
    } catch (...) {
    }
  }
};

}  // namespace

bool serve_exchange(Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                    Poco::Net::HTTPRequestHandlerFactory& factory, bool last) {
  try {
    Session session(socket, params);
    DetachOnExit detach{session};
    bool keep = false;
    {
      Poco::Net::HTTPServerResponseImpl response(session);
      try {
        Poco::Net::HTTPServerRequestImpl request(response, session, params.get());
        response.setDate(Poco::Timestamp());
        response.setVersion(request.getVersion());
        const bool body = request.getChunkedTransferEncoding() ||
                          (request.hasContentLength() && request.getContentLength64() > 0);
        // A body no handler reads would be taken for the next request: close after it.
        response.setKeepAlive(!last && !body && params->getKeepAlive() && request.getKeepAlive());
        response.set("Server", params->getServerName());
        std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(factory.createRequestHandler(request));
        handler->handleRequest(request, response);
        keep = response.sent() && response.getKeepAlive();
      } catch (const Poco::Net::NoMessageException&) {
        return false;  // the client closed before sending anything
      } catch (const Poco::Net::MessageException& e) {
        if (!response.sent()) {
          response.setKeepAlive(false);
          set_common_headers(response);
          send_error(response, 400, "malformed request: " + e.message());
        }
        return false;
      }
    }  // the response's stream is flushed and closed here, before the check below
    return keep && session.buffered() == 0;
  } catch (const Poco::Exception&) {
    // The client went away or stalled past the timeout: nothing can be sent any more.
    return false;
  } catch (const std::exception& e) {
    std::cerr << "serve: " << e.what() << '\n';
    return false;
  }
}

}  // namespace cqc::search::http
