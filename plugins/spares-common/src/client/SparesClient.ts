import {
  CourtClientOptions,
  CourtRequest,
  courtRequest,
  queryOf,
} from '@internal/plugin-court-common';
import type {
  LocationRequest,
  MovementRequest,
  PartTypeRequest,
  RepairAction,
  RepairRequest,
  RepairsQuery,
  StoreQuery,
  VendorRequest,
} from '../schemas';
import type {
  DeviceSpares,
  IssueResult,
  PartStock,
  PartType,
  Repair,
  StoreLocation,
  StoreOverview,
  Vendor,
} from '../types';

/** The spares API (/api/spares), as the browser and other backends call it. */
export interface SparesApi {
  listPartTypes(): Promise<PartType[]>;
  savePartType(request: PartTypeRequest): Promise<PartType>;
  listLocations(): Promise<StoreLocation[]>;
  saveLocation(request: LocationRequest): Promise<StoreLocation>;
  listVendors(): Promise<Vendor[]>;
  saveVendor(request: VendorRequest): Promise<Vendor>;
  getStore(query?: StoreQuery): Promise<StoreOverview>;
  getStock(partTypeId: string): Promise<PartStock>;
  /** A receipt, issue, return or count; an issue beyond the stock is a 409. */
  move(request: MovementRequest): Promise<IssueResult>;
  getDevice(deviceRef: string): Promise<DeviceSpares>;
  listRepairs(query?: RepairsQuery): Promise<Repair[]>;
  openRepair(request: RepairRequest): Promise<Repair>;
  actOnRepair(id: string, action: RepairAction): Promise<Repair>;
}

export class SparesClient implements SparesApi {
  private readonly request: CourtRequest;

  constructor(options: CourtClientOptions) {
    this.request = courtRequest('spares', options);
  }

  listPartTypes() {
    return this.request<PartType[]>('GET', '/part-types');
  }
  savePartType(request: PartTypeRequest) {
    return this.request<PartType>('PUT', '/part-types', request);
  }
  listLocations() {
    return this.request<StoreLocation[]>('GET', '/locations');
  }
  saveLocation(request: LocationRequest) {
    return this.request<StoreLocation>('PUT', '/locations', request);
  }
  listVendors() {
    return this.request<Vendor[]>('GET', '/vendors');
  }
  saveVendor(request: VendorRequest) {
    return this.request<Vendor>('PUT', '/vendors', request);
  }
  getStore(query: StoreQuery = {}) {
    return this.request<StoreOverview>('GET', `/store${queryOf(query)}`);
  }
  getStock(partTypeId: string) {
    return this.request<PartStock>(
      'GET',
      `/stock/${encodeURIComponent(partTypeId)}`,
    );
  }
  move(request: MovementRequest) {
    return this.request<IssueResult>('POST', '/movements', request);
  }
  getDevice(deviceRef: string) {
    return this.request<DeviceSpares>(
      'GET',
      `/devices/${encodeURIComponent(deviceRef)}`,
    );
  }
  listRepairs(query: RepairsQuery = {}) {
    return this.request<Repair[]>('GET', `/repairs${queryOf(query)}`);
  }
  openRepair(request: RepairRequest) {
    return this.request<Repair>('POST', '/repairs', request);
  }
  actOnRepair(id: string, action: RepairAction) {
    return this.request<Repair>(
      'POST',
      `/repairs/${encodeURIComponent(id)}/actions`,
      action,
    );
  }
}
