// @smithy/smithy-client's classes for browsers and bundlers: the ES build (see smithy-client.ts).
export {
  Client,
  Command,
  constructStack,
  createAggregatedClient,
  decorateServiceException,
  ServiceException,
} from "@smithy/core/client";
